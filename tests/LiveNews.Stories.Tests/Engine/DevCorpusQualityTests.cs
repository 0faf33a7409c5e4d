using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Matching;
using LiveNews.Tests.Shared;

namespace LiveNews.Stories.Tests.Engine;

/// <summary>
/// The engine's clustering of the labelled dev corpora (BCubed F1 as ../shared/tools/score-stories.py
/// computes it), held above floors a little under today's figures (docs/STORIES.md): a change that loses
/// what average linkage won, or falls back to the textbook clusterer's level, fails here.
/// </summary>
public class DevCorpusQualityTests
{
    [Fact]
    public void Process_EcbPlusDev_KeepsMostSameKindEventsApart_InAnyArrivalOrder()
    {
        var (articles, gold) = Corpus("ecbplus-dev");

        Assert.True(F1(new StoryEngineOptions(), articles, gold) >= 0.87);

        // ECB+ arrives in a random order: the mean over other orders holds too, and beats the centroid's.
        var orders = Enumerable.Range(1, 6).Select(seed => StoryScoring.Shuffled(articles, seed)).ToList();
        var average = orders.Average(order => F1(new StoryEngineOptions(), order, gold));
        var centroid = orders.Average(order => F1(Centroid(), order, gold));
        Assert.True(average >= 0.84, $"mean F1 over six orders {average:F3}");
        Assert.True(average > centroid + 0.01, $"average linkage {average:F3}, centroid {centroid:F3}");
    }

    [Fact]
    public void Process_WikinewsDev_ClustersAboveTheTextbookClusterer()
    {
        var (articles, gold) = Corpus("wikinews-dev");

        // A single-pass TF-IDF clusterer at its best threshold scores 0.80 (../shared/corpus/README.md).
        Assert.True(F1(new StoryEngineOptions(), articles, gold) >= 0.803);
    }

    [Fact]
    public void Process_ShortItems_StillCluster()
    {
        // Feed entries often carry only their headline, or it and one line: 30% of each corpus cut so
        // (cut 1, seeded) loses some recall, since a headline says less, but no more than today's figures
        // (docs/STORIES.md, "Short items"): wikinews-dev 0.751 and 0.787, ecbplus-dev 0.838 and 0.862.
        foreach (var (name, alone, withLine) in new[] { ("wikinews-dev", 0.74, 0.77), ("ecbplus-dev", 0.82, 0.85) })
        {
            var (articles, gold) = Corpus(name);
            var headlines = F1(new StoryEngineOptions(), ShortItems.Cut(articles, 0.3, seed: 1, firstLine: false), gold);
            var lines = F1(new StoryEngineOptions(), ShortItems.Cut(articles, 0.3, seed: 1, firstLine: true), gold);
            Assert.True(headlines >= alone, $"{name}, headline alone: {headlines:F3}");
            Assert.True(lines >= withLine, $"{name}, headline and one line: {lines:F3}");
        }
    }

    private static StoryEngineOptions Centroid() =>
        new() { Linkage = StoryLinkage.Centroid, MergeThreshold = 0.30, StoryMergeThreshold = 0.40 };

    private static (List<ArticleInput> Articles, Dictionary<string, string> Gold) Corpus(string name)
    {
        var directory = LiveNews.Tests.Shared.Fixtures.Path("corpus", "stories-dev");
        return (CorpusReader.Read(Path.Combine(directory, name + ".jsonl")), StoryScoring.ReadLabels(Path.Combine(directory, name + ".labels.tsv")));
    }

    /// <summary>BCubed F1 of the engine's final story assignment (merges followed) against the gold stories.</summary>
    private static double F1(StoryEngineOptions options, IEnumerable<ArticleInput> articles, Dictionary<string, string> gold) =>
        StoryScoring.BCubed(EngineReplay.FinalStories(new StoryEngine(options), articles), gold).F1;
}
