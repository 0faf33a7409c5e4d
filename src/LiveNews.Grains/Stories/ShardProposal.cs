namespace LiveNews.Grains.Stories;

/// <summary>A shard's answer for one article: its best story (or none close enough), the runners-up, and how many stories it has opened.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.ShardProposal")]
public sealed record ShardProposal
{
    /// <summary>The best story at or above the match threshold; null when none is.</summary>
    [Id(0)] public string? StoryId { get; init; }

    [Id(1)] public double Score { get; init; }

    /// <summary>The article was assigned before: <see cref="StoryId"/> is its story (perhaps held by another shard after a merge).</summary>
    [Id(2)] public bool Known { get; init; }

    [Id(3)] public int Candidates { get; init; }

    /// <summary>Other stories at or above the merge threshold, best first, with their scores.</summary>
    [Id(4)] public string[] RunnersUp { get; init; } = [];

    [Id(5)] public double[] RunnerUpScores { get; init; } = [];

    /// <summary>Stories this shard has opened so far, when it answered.</summary>
    [Id(6)] public long Opened { get; init; }

    /// <summary><see cref="Known"/> only from a further part of the article's page: another shard may know the article itself.</summary>
    [Id(7)] public bool KnownByPage { get; init; }
}

/// <summary>What a commit did: done (<see cref="MergedInto"/> null), or the story had been merged into another meanwhile.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.ShardCommit")]
public sealed record ShardCommit
{
    [Id(0)] public string? MergedInto { get; init; }

    /// <summary>Stories this shard has opened so far, after the commit.</summary>
    [Id(1)] public long Opened { get; init; }
}
