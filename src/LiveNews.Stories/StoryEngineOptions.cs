using LiveNews.Stories.Matching;

namespace LiveNews.Stories;

/// <summary>
/// Thresholds and weights of the story engine. Defaults were chosen by measuring on the public story
/// corpora (docs/STORIES.md), not by fitting the seed story.
/// </summary>
public sealed class StoryEngineOptions
{
    /// <summary>How much more a title word counts than a body word.</summary>
    public float TitleWeight { get; set; } = 3f;

    /// <summary>
    /// Added to the weight of an entity the headline names: who the article is about counts above who its
    /// background recalls (wikinews-dev 0.801 to 0.807 with 2; ecbplus-dev 0.859 to 0.860).
    /// </summary>
    public float HeadlineEntityWeight { get; set; } = 2f;

    /// <summary>Sentences at the start of an article whose words count <see cref="LeadWeight"/> times.</summary>
    public int LeadSentences { get; set; } = 5;

    public float LeadWeight { get; set; } = 2f;

    /// <summary>From this sentence on, words count <see cref="TailWeight"/> times.</summary>
    public int TailFrom { get; set; } = 20;

    public float TailWeight { get; set; } = 0.5f;

    /// <summary>Weight of the word (stem) similarity in the match score.</summary>
    public double WordsWeight { get; set; } = 0.5;

    /// <summary>Weight of the entity similarity in the match score.</summary>
    public double EntitiesWeight { get; set; } = 0.35;

    /// <summary>Weight of the number similarity in the match score.</summary>
    public double NumbersWeight { get; set; } = 0.15;

    /// <summary>
    /// How an article is compared with a story: the mean of its cosines with the members (average linkage,
    /// the default) or the cosine with their centroid. Average linkage took ecbplus-dev from 0.860 to 0.879
    /// (the mean over 24 shuffled arrival orders from 0.841 to 0.863) with wikinews-dev at 0.807 to 0.808
    /// (docs/STORIES.md). The centroid was measured with <see cref="MergeThreshold"/> 0.30 and
    /// <see cref="StoryMergeThreshold"/> 0.40, its defaults before this option: set them with it.
    /// </summary>
    public StoryLinkage Linkage { get; set; } = StoryLinkage.Average;

    /// <summary>
    /// With <see cref="StoryLinkage.Average"/>: the most members' worth of disagreement a story may charge a
    /// newcomer. The members' sum is divided by the member count, but by no more than the sum's length plus
    /// this (a story of members that all agree has a sum as long as their number). A small story is judged
    /// by its members' mean, where wrong early joins happen; a long developing story, whose later versions
    /// tell other facts than its first, by little more than its centroid. Without the cap a generated stream of
    /// 500 versions a story fell from 0.908 to 0.567 (recall 0.40); with 3 it scores 0.899 (docs/STORIES.md).
    /// </summary>
    public double LinkageSlack { get; set; } = 3;

    /// <summary>Score at or above which an article joins its best story; below it, it opens a new one.</summary>
    public double MatchThreshold { get; set; } = 0.20;

    /// <summary>An article that scores at least this with two stories may show that they are one.</summary>
    public double MergeThreshold { get; set; } = 0.28;

    /// <summary>Two stories merge when an article bridges them and their centroids agree at least this much.</summary>
    public double StoryMergeThreshold { get; set; } = 0.20;

    /// <summary>
    /// Grains the term index is sharded over (each holds the stories whose id hashes to it, and learns
    /// document frequencies from every article). More shards spread the index's memory and work over silos.
    /// </summary>
    public int IndexShards { get; set; } = 4;

    /// <summary>Gap between an article and a story's last update within which time does not count.</summary>
    public TimeSpan TimeWindow { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Beyond <see cref="TimeWindow"/>, the score halves every this much.</summary>
    public TimeSpan TimeHalfLife { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Word features kept per article vector (highest weights); entities and numbers keep half and a fifth of this.</summary>
    public int ArticleTerms { get; set; } = 80;

    /// <summary>Terms kept per story centroid (highest weights).</summary>
    public int StoryTerms { get; set; } = 150;

    /// <summary>Terms of an article used to look up candidate stories.</summary>
    public int CandidateTerms { get; set; } = 20;

    /// <summary>Candidate stories scored in full per article (those sharing the most term weight).</summary>
    public int ScoredCandidates { get; set; } = 20;

    /// <summary>Stories kept per term in the inverted index (most recent); bounds candidate cost.</summary>
    public int PostingsPerTerm { get; set; } = 16;

    /// <summary>Share of a sentence's content an known fact must cover for the sentence to be old news.</summary>
    public double FactContainment { get; set; } = 0.6;

    /// <summary>Sentences with fewer content words than this are not facts.</summary>
    public int MinFactWords { get; set; } = 4;

    /// <summary>Facts kept per story (the oldest beyond it are forgotten).</summary>
    public int MaxFactsPerStory { get; set; } = 400;

    /// <summary>Versions remembered per story.</summary>
    public int MaxVersionsPerStory { get; set; } = 500;

    /// <summary>Most new facts an event carries.</summary>
    public int MaxNewFactsPerEvent { get; set; } = 10;
}
