using LiveNews.Abstractions.Contracts;

namespace LiveNews.Server.Api;

/// <summary>
/// What POST /api/articles answers: how many versions went in, which lines were refused and why, and the
/// events. When the cluster could not take a line (503), <see cref="Failed"/> lists it and every line after it,
/// to be sent again in order; the lines before it went in.
/// </summary>
public sealed record IngestResponse(int Accepted, IReadOnlyList<RejectedLine> Rejected, IReadOnlyList<StoryEvent> Events)
{
    public IReadOnlyList<RejectedLine> Failed { get; init; } = [];
}

/// <summary>An input line that could not be read.</summary>
public sealed record RejectedLine(long Line, string Reason);
