using LiveNews.Stories.Matching;

namespace LiveNews.Grains.Stories;

/// <summary>
/// One change in an index shard's journal, numbered in the shard's order: an assignment
/// (<see cref="StoryAssignment"/>), or one side of a merge (the merged story leaving its shard, or its
/// profile folded into the survivor's).
/// </summary>
[GenerateSerializer, Immutable, Alias("LiveNews.StoryIndexJournalEntry")]
public sealed record StoryIndexJournalEntry
{
    /// <summary>The shard's change number: entries up to the snapshot's <see cref="StoryIndexState.JournalSequence"/> are in it already.</summary>
    [Id(0)] public long Sequence { get; init; }

    /// <summary>The assigned article (assignments only).</summary>
    [Id(1)] public string ArticleId { get; init; } = "";

    /// <summary>The article's story (assignment), the story merged away (detach) or the survivor (absorb).</summary>
    [Id(2)] public required string StoryId { get; init; }

    [Id(3)] public bool Opens { get; init; }

    [Id(4)] public long Ordinal { get; init; }

    [Id(5)] public DateTimeOffset Published { get; init; }

    [Id(6)] public string[] Terms { get; init; } = [];

    [Id(7)] public float[] Weights { get; init; } = [];

    [Id(8)] public StoryIndexJournalEntryKind Kind { get; init; }

    /// <summary>The story a detached story was merged into (detach only).</summary>
    [Id(9)] public string? Survivor { get; init; }

    /// <summary>The merged story as it left its shard (absorb only).</summary>
    [Id(10)] public StoryProfile? Absorbed { get; init; }

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

    /// <summary>Story <paramref name="storyId"/> left this shard, merged into <paramref name="survivor"/>.</summary>
    public static StoryIndexJournalEntry ForDetach(string storyId, string survivor, long sequence) =>
        new() { Sequence = sequence, Kind = StoryIndexJournalEntryKind.Detach, StoryId = storyId, Survivor = survivor };

    /// <summary>The merged story <paramref name="absorbed"/> was folded into <paramref name="survivor"/>, held by this shard.</summary>
    public static StoryIndexJournalEntry ForAbsorb(string survivor, StoryProfile absorbed, long sequence) =>
        new() { Sequence = sequence, Kind = StoryIndexJournalEntryKind.Absorb, StoryId = survivor, Absorbed = absorbed };

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

    /// <summary>Makes this change again in <paramref name="matcher"/> (a shard's activation replays its journal so).</summary>
    /// <exception cref="InvalidDataException">The entry is of no known kind, or lacks what its kind needs.</exception>
    public void ReplayInto(StoryMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        switch (Kind)
        {
            case StoryIndexJournalEntryKind.Assignment:
                matcher.Replay(ToAssignment());
                break;
            case StoryIndexJournalEntryKind.Detach:
                matcher.Detach(StoryId, Survivor ?? throw new InvalidDataException($"journal entry {Sequence}: a detach without its survivor"));
                break;
            case StoryIndexJournalEntryKind.Absorb:
                matcher.Absorb(StoryId, Absorbed ?? throw new InvalidDataException($"journal entry {Sequence}: an absorb without the absorbed story"));
                break;
            default:
                throw new InvalidDataException($"journal entry {Sequence}: unknown kind {(int)Kind}");
        }
    }
}
