namespace LiveNews.Stories;

/// <summary>
/// Thresholds and weights of the story engine. Defaults were chosen by measuring on the public story
/// corpora (docs/STORIES.md), not by fitting the seed story.
/// </summary>
public sealed class StoryEngineOptions
{
    /// <summary>How much more a title word counts than a body word.</summary>
    public float TitleWeight { get; set; } = 3f;

    /// <summary>How much more an entity feature counts than a plain word (after TF-IDF).</summary>
    public float EntityWeight { get; set; } = 2f;

    /// <summary>Score at or above which an article joins its best story; below it, it opens a new one.</summary>
    public double MatchThreshold { get; set; } = 0.30;

    /// <summary>Weight of the shared-entity score in the match score.</summary>
    public double EntityOverlapWeight { get; set; } = 0.25;

    /// <summary>Gap between an article and a story's last update within which time does not count.</summary>
    public TimeSpan TimeWindow { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Beyond <see cref="TimeWindow"/>, the score halves every this much.</summary>
    public TimeSpan TimeHalfLife { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Terms kept per article vector (highest weights).</summary>
    public int ArticleTerms { get; set; } = 80;

    /// <summary>Terms kept per story centroid (highest weights).</summary>
    public int StoryTerms { get; set; } = 150;

    /// <summary>Terms of an article used to look up candidate stories.</summary>
    public int CandidateTerms { get; set; } = 20;

    /// <summary>Stories kept per term in the inverted index (most recent); bounds candidate cost.</summary>
    public int PostingsPerTerm { get; set; } = 300;

    /// <summary>Share of a sentence's content an known fact must cover for the sentence to be old news.</summary>
    public double FactContainment { get; set; } = 0.6;

    /// <summary>Sentences with fewer content words than this are not facts.</summary>
    public int MinFactWords { get; set; } = 5;

    /// <summary>Facts kept per story (the oldest beyond it are forgotten).</summary>
    public int MaxFactsPerStory { get; set; } = 400;

    /// <summary>Versions remembered per story.</summary>
    public int MaxVersionsPerStory { get; set; } = 500;

    /// <summary>Most new facts an event carries.</summary>
    public int MaxNewFactsPerEvent { get; set; } = 10;
}
