using LiveNews.Stories;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using Microsoft.Extensions.Options;

namespace LiveNews.Grains.Stories;

/// <summary>
/// Serialises the opening of stories. It remembers the stories it opened lately (which shard, and that
/// shard's opened count after each), so an article whose shards answered before a story was opened is
/// scored against those stories before another is opened for it. After a failover it starts with no
/// memory: a race in that moment can open two stories, which a later article that bridges them merges.
/// </summary>
public sealed class StoryOpenerGrain(IOptions<StoryEngineOptions> options, TimeProvider time) : Grain, IStoryOpenerGrain
{
    /// <summary>Recent openings remembered (far more than can race with one article).</summary>
    private const int Remembered = 4096;

    private readonly StoryEngineOptions _options = options.Value;
    private readonly Queue<(int Shard, long OpenedAfter, string StoryId)> _recent = new();
    private long _lastOrdinal;

    public async Task<IndexDecision> OpenAsync(Immutable<AnalysedArticle> article, string newStoryId, string[] exclude, long[] openedSeen)
    {
        var shards = ShardedStoryIndex.ShardCount(_options);

        // Stories opened since the shards answered: the article may belong to one of them.
        var since = _recent.Where(r => r.Shard < openedSeen.Length && r.OpenedAfter > openedSeen[r.Shard])
            .GroupBy(r => r.Shard)
            .ToList();
        string? best = null;
        var bestScore = 0.0;
        foreach (var group in since)
        {
            var answer = await GrainFactory.GetGrain<IStoryIndexGrain>(group.Key).ScoreAsync(article, [.. group.Select(r => r.StoryId)], exclude);
            if (answer.StoryId is not null && answer.Score > bestScore)
            {
                (best, bestScore) = (answer.StoryId, answer.Score);
            }
        }

        if (best is not null && bestScore >= _options.MatchThreshold)
        {
            var joined = await ShardedStoryIndex.CommitAsync(GrainFactory, article, best, shards);
            return new IndexDecision { StoryId = joined, Score = bestScore, Opens = false, Candidates = since.Sum(g => g.Count()) };
        }

        // Ordinals order stories by age across shards (the older survives a merge).
        _lastOrdinal = Math.Max(_lastOrdinal + 1, time.GetUtcNow().UtcTicks);
        var shard = StoryIds.Shard(newStoryId, shards);
        var opened = await GrainFactory.GetGrain<IStoryIndexGrain>(shard).CommitAsync(article, newStoryId, opens: true, _lastOrdinal);
        if (opened.MergedInto is { } survivor)
        {
            // The article's own story existed and was merged away (a version delivered again): it goes there.
            return new IndexDecision { StoryId = await ShardedStoryIndex.CommitAsync(GrainFactory, article, survivor, shards), Score = 1.0, Opens = false };
        }

        _recent.Enqueue((shard, opened.Opened, newStoryId));
        while (_recent.Count > Remembered)
        {
            _recent.Dequeue();
        }

        return new IndexDecision { StoryId = newStoryId, Score = bestScore, Opens = true };
    }
}
