using System.Globalization;

namespace LiveNews.Server.Replay;

/// <summary>What a replay did: counts and speed, printed to standard error.</summary>
public sealed record ReplaySummary(int ArticleVersions, int Rejected, int Stories, int Events, double Seconds)
{
    public double VersionsPerSecond => Seconds > 0 ? ArticleVersions / Seconds : 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"article versions: {ArticleVersions}, rejected lines: {Rejected}, stories: {Stories}, events: {Events}, seconds: {Seconds:F2}, versions per second: {VersionsPerSecond:F1}");
}
