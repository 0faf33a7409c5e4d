using LiveNews.Stories.Matching;

namespace LiveNews.Grains.Stories;

/// <summary>One assignment in an index shard's journal (<see cref="StoryAssignment"/>), numbered in the shard's commit order.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.StoryIndexJournalEntry")]
public sealed record StoryIndexJournalEntry
{
    /// <summary>The shard's commit number: entries up to the snapshot's <see cref="StoryIndexState.JournalSequence"/> are in it already.</summary>
    [Id(0)] public long Sequence { get; init; }

    [Id(1)] public required string ArticleId { get; init; }

    [Id(2)] public required string StoryId { get; init; }

    [Id(3)] public bool Opens { get; init; }

    [Id(4)] public long Ordinal { get; init; }

    [Id(5)] public DateTimeOffset Published { get; init; }

    [Id(6)] public required string[] Terms { get; init; }

    [Id(7)] public required float[] Weights { get; init; }

    public static StoryIndexJournalEntry From(StoryAssignment assignment, long sequence)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return new()
        {
            Sequence = sequence,
            ArticleId = assignment.ArticleId,
            StoryId = assignment.StoryId,
            Opens = assignment.Opens,
            Ordinal = assignment.Ordinal,
            Published = assignment.Published,
            Terms = assignment.Terms,
            Weights = assignment.Weights,
        };
    }

    public StoryAssignment ToAssignment() => new()
    {
        ArticleId = ArticleId,
        StoryId = StoryId,
        Opens = Opens,
        Ordinal = Ordinal,
        Published = Published,
        Terms = Terms,
        Weights = Weights,
    };
}
