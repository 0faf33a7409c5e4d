using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Matching;

namespace LiveNews.Stories.Tests.Matching;

/// <summary>The pieces a sharded index is built from: the shard of a story id, a decision split in propose and commit, and stories moving between matchers.</summary>
public class ShardedMatchingTests
{
    [Fact]
    public void Shard_IsStableInRangeAndEven()
    {
        // The same on every node and every run (FNV-1a of the id), whatever the process's string hashing.
        Assert.Equal(StoryIds.Shard("s0123456789abcdef", 4), StoryIds.Shard(new string("s0123456789abcdef".ToCharArray()), 4));
        Assert.Equal(0, StoryIds.Shard("anything", 1));

        var ids = Enumerable.Range(0, 4000).Select(i => StoryIds.ForOpeningArticle("article-" + i)).ToList();
        var counts = ids.GroupBy(id => StoryIds.Shard(id, 4)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([0, 1, 2, 3], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void ProposeThenCommit_AssignsEveryArticleAsDecideDoes()
    {
        // Merges off, so that each decision is the matching alone.
        var options = new StoryEngineOptions { StoryMergeThreshold = 2.0 };
        var analyzer = new ArticleAnalyzer(options);
        var articles = CorpusReader.Read(LiveNews.Tests.Shared.Fixtures.Path("corpus", "stories-dev", "ecbplus-dev.jsonl"))
            .Select(a => analyzer.Analyze(a)).ToList();
        var whole = new StoryMatcher(options);
        var split = new StoryMatcher(options);
        foreach (var article in articles)
        {
            var decided = whole.Decide(article, StoryIds.ForOpeningArticle(article.Id));
            var proposed = split.Propose(article);
            var storyId = proposed.StoryId ?? StoryIds.ForOpeningArticle(article.Id);
            Assert.Null(split.Commit(article, storyId, opens: proposed.StoryId is null));
            Assert.Equal(decided.StoryId, storyId);
            Assert.Equal(decided.Opens, proposed.StoryId is null);
        }

        Assert.Equal(whole.StoryCount, split.StoryCount);
        Assert.Equal(whole.Opened, split.Opened);
    }

    [Fact]
    public void DetachAndAbsorb_MoveAStoryToTheMatcherOfItsSurvivor()
    {
        var options = new StoryEngineOptions();
        var analyzer = new ArticleAnalyzer(options);
        var seeds = CorpusReader.Seeds().Select(s => analyzer.Analyze(s)).ToList();
        var (first, second) = (seeds[0], seeds[1]);
        var (shardA, shardB) = (new StoryMatcher(options), new StoryMatcher(options));
        foreach (var article in seeds)
        {
            shardA.Propose(article);
            shardB.Propose(article); // every shard learns every article's terms
        }

        var older = StoryIds.ForOpeningArticle(first.Id);
        var newer = StoryIds.ForOpeningArticle(second.Id);
        Assert.Null(shardA.Commit(first, older, opens: true, ordinal: 1));
        Assert.Null(shardB.Commit(second, newer, opens: true, ordinal: 2));

        var moved = shardB.Detach(newer, older);
        Assert.NotNull(moved);
        shardA.Absorb(older, moved);

        Assert.Equal(0, shardB.StoryCount);
        Assert.Equal(2, shardA.GetProfile(older)!.Members);
        Assert.Equal(older, shardA.Resolve(newer));

        // The moved story's article is still known where it was first recorded, and points at the survivor.
        var again = shardB.Propose(second);
        Assert.True(again.Known);
        Assert.Equal(older, again.StoryId);

        // A commit that raced the merge is told where the story went.
        Assert.Equal(older, shardB.Commit(second, newer, opens: false));
        Assert.Null(shardA.Commit(second, older, opens: false));
        Assert.Equal(3, shardA.GetProfile(older)!.Members);
    }

    [Fact]
    public void Propose_TellsAnArticleKnownItselfFromOneKnownOnlyByAPartOfItsPage()
    {
        var options = new StoryEngineOptions();
        var analyzer = new ArticleAnalyzer(options);
        var seeds = CorpusReader.Seeds().Select(s => analyzer.Analyze(s)).ToList();
        var main = seeds[0];
        var part = seeds[1] with { Id = main.Id + "#1" }; // a further article printed on the same page
        var (shardA, shardB) = (new StoryMatcher(options), new StoryMatcher(options));
        Assert.Null(shardA.Commit(main, "s-main", opens: true, ordinal: 1));
        Assert.Null(shardB.Commit(part, "s-part", opens: true, ordinal: 2));

        var fromA = shardA.Propose(main);
        var fromB = shardB.Propose(main);
        Assert.True(fromA.Known && !fromA.KnownByPage);
        Assert.Equal("s-main", fromA.StoryId);
        Assert.True(fromB.Known && fromB.KnownByPage);

        // The distinction survives a snapshot.
        Assert.True(StoryMatcher.FromSnapshot(shardB.ToSnapshot(), options).Propose(main).KnownByPage);
    }

    [Fact]
    public void Commit_ToAStoryNotHeld_Throws()
    {
        var options = new StoryEngineOptions();
        var article = new ArticleAnalyzer(options).Analyze(CorpusReader.Seeds()[0]);
        var matcher = new StoryMatcher(options);
        Assert.Throws<InvalidOperationException>(() => matcher.Commit(article, "s-not-here", opens: false));
    }
}
