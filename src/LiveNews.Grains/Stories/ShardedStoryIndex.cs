using LiveNews.Stories;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Matching;

namespace LiveNews.Grains.Stories;

/// <summary>
/// The term index as the story router sees it: the stories are sharded over <see cref="IStoryIndexGrain"/>s
/// by id. For each article every shard proposes its best story (in parallel); the best proposal at or above
/// the threshold wins, stories that the article shows to be one with it are merged (wherever they live:
/// the older survives, and the shard of the survivor takes the others' profiles), and the owner shard
/// records the article. When no shard has a story close enough, <see cref="IStoryOpenerGrain"/> opens one.
/// </summary>
public sealed class ShardedStoryIndex(IGrainFactory grains, StoryEngineOptions options)
{
    /// <summary>How often a commit follows a story that was merged away meanwhile before it gives up.</summary>
    private const int MaxHops = 16;

    private int Shards => ShardCount(options);

    /// <summary>The number of index shards the options ask for (at least one).</summary>
    internal static int ShardCount(StoryEngineOptions options) => Math.Max(1, options.IndexShards);

    /// <summary>Decides the story of an article (never one of <paramref name="exclude"/>) and records it.</summary>
    public async Task<IndexDecision> AssignAsync(AnalysedArticle article, string[] exclude)
    {
        ArgumentNullException.ThrowIfNull(article);
        var immutable = article.AsImmutable();
        var proposals = await Task.WhenAll(Enumerable.Range(0, Shards).Select(s => grains.GetGrain<IStoryIndexGrain>(s).ProposeAsync(immutable, exclude)));
        var candidates = proposals.Sum(p => p.Candidates);

        // A new version of an article already assigned goes to its story (the shard that holds the article
        // itself before one that only saw a further part of its page).
        if (proposals.Where(p => p.Known).OrderBy(p => p.KnownByPage).FirstOrDefault() is { StoryId: { } known })
        {
            return new IndexDecision { StoryId = await CommitAsync(grains, immutable, known, Shards), Score = 1.0, Candidates = candidates };
        }

        var best = proposals.Where(p => p.StoryId is not null)
            .OrderByDescending(p => p.Score).ThenBy(p => p.StoryId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best is null)
        {
            return await grains.GetGrain<IStoryOpenerGrain>(0).OpenAsync(
                immutable, StoryIds.ForOpeningArticle(article.Id), exclude, [.. proposals.Select(p => p.Opened)]);
        }

        var (storyId, absorbed) = await MergeAsync(best.StoryId!, RunnersUp(proposals, best.StoryId!), exclude);
        storyId = await CommitAsync(grains, immutable, storyId, Shards);
        return new IndexDecision { StoryId = storyId, Score = best.Score, Candidates = candidates, Absorbed = [.. absorbed] };
    }

    /// <summary>Records the article in <paramref name="storyId"/>, following the story wherever it was merged meanwhile; returns the story it went to.</summary>
    internal static async Task<string> CommitAsync(IGrainFactory grains, Immutable<AnalysedArticle> article, string storyId, int shards)
    {
        for (var hop = 0; hop < MaxHops; hop++)
        {
            var commit = await grains.GetGrain<IStoryIndexGrain>(StoryIds.Shard(storyId, shards)).CommitAsync(article, storyId, opens: false, ordinal: 0);
            if (commit.MergedInto is null)
            {
                return storyId;
            }

            storyId = commit.MergedInto;
        }

        throw new InvalidOperationException($"story {storyId}: more than {MaxHops} merges to follow");
    }

    /// <summary>The other stories, over all shards, that scored at or above the merge threshold: the best three.</summary>
    private List<string> RunnersUp(ShardProposal[] proposals, string best) =>
        proposals
            .SelectMany(p => p.RunnersUp.Zip(p.RunnerUpScores).Append((p.StoryId ?? "", p.Score)))
            .Where(r => r.Item1.Length > 0 && r.Item1 != best && r.Item2 >= options.MergeThreshold)
            .DistinctBy(r => r.Item1)
            .OrderByDescending(r => r.Item2).ThenBy(r => r.Item1, StringComparer.Ordinal)
            .Take(3)
            .Select(r => r.Item1)
            .ToList();

    /// <summary>Merges the runners-up whose centroids agree with the best story's (wherever they live); returns the survivor and the absorbed.</summary>
    private async Task<(string Survivor, List<string> Absorbed)> MergeAsync(string best, List<string> runnersUp, string[] exclude)
    {
        runnersUp.RemoveAll(exclude.Contains);
        if (runnersUp.Count == 0)
        {
            return (best, []);
        }

        var profiles = (await Task.WhenAll(runnersUp.Append(best)
                .GroupBy(id => StoryIds.Shard(id, Shards))
                .Select(g => grains.GetGrain<IStoryIndexGrain>(g.Key).GetProfilesAsync([.. g]))))
            .SelectMany(p => p.Value)
            .ToDictionary(p => p.StoryId, StringComparer.Ordinal);
        if (!profiles.Remove(best, out var bestProfile))
        {
            return (best, []);
        }

        var (survivor, planned) = StoryMatcher.PlanMerge(bestProfile, profiles.Values, options);
        var absorbed = new List<string>();
        foreach (var id in planned)
        {
            var detached = await grains.GetGrain<IStoryIndexGrain>(StoryIds.Shard(id, Shards)).DetachAsync(id, survivor);
            if (detached.Value is { } profile)
            {
                await grains.GetGrain<IStoryIndexGrain>(StoryIds.Shard(survivor, Shards)).AbsorbAsync(survivor, profile.AsImmutable());
                absorbed.Add(id);
            }
        }

        return (survivor, absorbed);
    }
}
