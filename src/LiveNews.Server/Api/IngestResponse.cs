using LiveNews.Abstractions.Contracts;

namespace LiveNews.Server.Api;

/// <summary>What POST /api/articles answers: how many versions went in, which lines were refused and why, and the events.</summary>
public sealed record IngestResponse(int Accepted, IReadOnlyList<RejectedLine> Rejected, IReadOnlyList<StoryEvent> Events);

/// <summary>An input line that could not be read.</summary>
public sealed record RejectedLine(long Line, string Reason);
