using System.Globalization;

namespace LiveNews.Server.Replay;

/// <summary>
/// The arguments of <c>replay --input FILE --output FILE [--concurrency N] [--rate R] [--settle]</c>: with a
/// concurrency above one, that many article versions are in flight at once (versions of one entry stay
/// in order); with a rate, versions are offered at that many a second, and latency counts from when each
/// was due, so a pipeline that falls behind shows it; with settle, the node's heap is measured again once
/// its quiet story grains were collected, as a node holding stories that no longer change keeps them.
/// </summary>
public sealed record ReplayOptions(string Input, string Output)
{
    /// <summary>Most article versions in flight at once (1: one after the other, the default).</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Versions offered a second; null: as fast as the pipeline takes them.</summary>
    public double? Rate { get; init; }

    /// <summary>After the run, collect the idle grains (the index shards wake again) and measure the heap once more.</summary>
    public bool Settle { get; init; }

    private const string Usage = "usage: replay --input ARTICLES.jsonl --output EVENTS.jsonl [--concurrency N] [--rate VERSIONS_PER_SECOND] [--settle] (use - for standard output)";

    /// <summary>Reads the command line; null and an error message when it is wrong.</summary>
    public static (ReplayOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? input = null, output = null;
        var concurrency = 1;
        double? rate = null;
        var settle = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--input" or "-i" when i + 1 < args.Count:
                    input = args[++i];
                    break;
                case "--output" or "-o" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                case "--concurrency" when i + 1 < args.Count:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out concurrency) || concurrency is < 1 or > 1024)
                    {
                        return (null, "replay: --concurrency takes a whole number from 1 to 1024");
                    }

                    break;
                case "--rate" when i + 1 < args.Count:
                    if (!double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var r) || r is <= 0 or > 1_000_000 || double.IsNaN(r))
                    {
                        return (null, "replay: --rate takes a number of versions a second above 0");
                    }

                    rate = r;
                    break;
                case "--settle":
                    settle = true;
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains('=', StringComparison.Ordinal))
                    {
                        break; // configuration override, read by the host
                    }

                    return (null, $"unknown argument '{args[i]}'");
            }
        }

        if (input is null || output is null)
        {
            return (null, Usage);
        }

        return (new ReplayOptions(input, output) { Concurrency = concurrency, Rate = rate, Settle = settle }, null);
    }
}
