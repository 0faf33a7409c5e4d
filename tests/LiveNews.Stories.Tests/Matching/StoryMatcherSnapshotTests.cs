using System.Text.Json;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Matching;

namespace LiveNews.Stories.Tests.Matching;

public class StoryMatcherSnapshotTests
{
    [Fact]
    public void FromSnapshot_CarriesOnExactlyAsTheOriginal()
    {
        var articles = CorpusReader.Read(LiveNews.Tests.Shared.Fixtures.Path("corpus", "stories-dev", "wikinews-dev.jsonl"));
        var analyzer = new ArticleAnalyzer();
        var analysed = articles.Select(a => analyzer.Analyze(a)).ToList();
        var half = analysed.Count / 2;

        var original = new StoryMatcher();
        foreach (var article in analysed.Take(half))
        {
            original.Decide(article, "s-" + article.Id);
        }

        // Through JSON, as grain storage keeps it.
        var json = JsonSerializer.Serialize(original.ToSnapshot());
        var restored = StoryMatcher.FromSnapshot(JsonSerializer.Deserialize<StoryMatcherSnapshot>(json)!);

        Assert.Equal(original.StoryCount, restored.StoryCount);
        Assert.Equal(original.Statistics.Documents, restored.Statistics.Documents);
        Assert.Equal(original.StoryOfArticle(analysed[0].Id), restored.StoryOfArticle(analysed[0].Id));

        var differences = 0;
        foreach (var article in analysed.Skip(half))
        {
            var a = original.Decide(article, "s-" + article.Id);
            var b = restored.Decide(article, "s-" + article.Id);
            if (a.StoryId != b.StoryId || a.Opens != b.Opens || !a.Absorbed.SequenceEqual(b.Absorbed))
            {
                differences++;
            }
        }

        Assert.Equal(0, differences);
        Assert.Equal(original.StoryCount, restored.StoryCount);
    }

    [Fact]
    public void Snapshot_IsACopy_TheMatcherGoesOnWithoutChangingIt()
    {
        var analyzer = new ArticleAnalyzer();
        var seeds = CorpusReader.Seeds().Select(s => analyzer.Analyze(s)).ToList();
        var matcher = new StoryMatcher();
        matcher.Decide(seeds[0], "s-first");
        var snapshot = matcher.ToSnapshot();
        var members = snapshot.Stories[0].Members;

        matcher.Decide(seeds[1], "s-second");

        Assert.Equal(members, snapshot.Stories[0].Members);
        Assert.Single(snapshot.StoryOfArticle.Keys, k => !k.Contains('#', StringComparison.Ordinal));
    }

    [Fact]
    public void Capture_BecomesTheSnapshotOfItsMoment_EvenAfterTheMatcherWentOn()
    {
        var analyzer = new ArticleAnalyzer();
        var articles = CorpusReader.Read(LiveNews.Tests.Shared.Fixtures.Path("corpus", "stories-dev", "ecbplus-dev.jsonl"))
            .Select(a => analyzer.Analyze(a)).ToList();
        var matcher = new StoryMatcher();
        foreach (var article in articles.Take(100))
        {
            matcher.Decide(article, StoryIds.ForOpeningArticle(article.Id));
        }

        var expected = JsonSerializer.Serialize(matcher.ToSnapshot());
        var capture = matcher.Capture();

        // The matcher goes on: stories grow, new terms and stories appear, merges happen.
        foreach (var article in articles.Skip(100))
        {
            matcher.Decide(article, StoryIds.ForOpeningArticle(article.Id));
        }

        Assert.Equal(expected, JsonSerializer.Serialize(capture.ToSnapshot()));
        Assert.NotEqual(expected, JsonSerializer.Serialize(matcher.ToSnapshot()));
    }

    [Fact]
    public void Binary_ReadsBackAsTheSnapshotOfTheCapture()
    {
        var analyzer = new ArticleAnalyzer();
        var matcher = new StoryMatcher();
        foreach (var article in CorpusReader.Read(LiveNews.Tests.Shared.Fixtures.Path("corpus", "stories-dev", "ecbplus-dev.jsonl")).Select(a => analyzer.AnalyzePage(a)).SelectMany(p => p))
        {
            matcher.Decide(article, StoryIds.ForOpeningArticle(article.Id));
        }

        var capture = matcher.Capture();
        var binary = capture.ToBinary();
        var json = JsonSerializer.SerializeToUtf8Bytes(capture.ToSnapshot());

        // The same snapshot, weights bit for bit (JSON prints floats exactly), in about half the bytes.
        Assert.True(StoryMatcherBinary.IsBinary(binary));
        Assert.Equal(JsonSerializer.Serialize(capture.ToSnapshot()), JsonSerializer.Serialize(StoryMatcherBinary.Read(binary)));
        Assert.True(binary.Length < json.Length * 0.6, $"binary {binary.Length} bytes, JSON {json.Length}");
        Assert.NotEmpty(StoryMatcherBinary.Read(binary).MergedInto);
    }

    [Fact]
    public void Binary_CorruptOrCutShort_IsInvalidData()
    {
        var analyzer = new ArticleAnalyzer();
        var matcher = new StoryMatcher();
        foreach (var seed in CorpusReader.Seeds())
        {
            matcher.Decide(analyzer.Analyze(seed), StoryIds.ForOpeningArticle(seed.Id));
        }

        var binary = matcher.Capture().ToBinary();
        Assert.Throws<InvalidDataException>(() => StoryMatcherBinary.Read(binary.AsMemory(0, binary.Length / 2)));
        Assert.Throws<InvalidDataException>(() => StoryMatcherBinary.Read("{\"documents\":1}"u8.ToArray()));

        // A count far beyond the bytes left is refused before anything that size is allocated.
        var huge = (byte[])binary.Clone();
        huge[16] = 0xFF; // the number of terms: 2,097,151 in three bytes, where a few thousand bytes are left
        huge[17] = 0xFF;
        huge[18] = 0x7F;
        Assert.Throws<InvalidDataException>(() => StoryMatcherBinary.Read(huge));
    }

    [Fact]
    public void FromSnapshot_WithoutItsIndex_BuildsItFromTheStories()
    {
        // Snapshots written before the index was kept have no postings: the stories are filed again under
        // their strongest terms, and the seeds still find their story.
        var analyzer = new ArticleAnalyzer();
        var seeds = CorpusReader.Seeds().Select(s => analyzer.Analyze(s)).ToList();
        var matcher = new StoryMatcher();
        matcher.Decide(seeds[0], "s-first");
        var snapshot = matcher.ToSnapshot();
        Assert.NotNull(snapshot.Postings);
        snapshot.Postings = null;

        var restored = StoryMatcher.FromSnapshot(snapshot);

        foreach (var seed in seeds.Skip(1))
        {
            Assert.Equal("s-first", restored.Decide(seed, "s-" + seed.Id).StoryId);
        }
    }

    [Fact]
    public void FromSnapshot_IndexNamingAStoryItDoesNotHave_IsInvalidData()
    {
        var analyzer = new ArticleAnalyzer();
        var matcher = new StoryMatcher();
        matcher.Decide(analyzer.Analyze(CorpusReader.Seeds().First()), "s-first");
        var snapshot = matcher.ToSnapshot();
        var term = snapshot.Postings!.Keys.First();
        snapshot.Postings[term] = [snapshot.Stories.Count];

        Assert.Throws<InvalidDataException>(() => StoryMatcher.FromSnapshot(snapshot));
    }
}
