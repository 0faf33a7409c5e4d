namespace LiveNews.Server.Replay;

/// <summary>The arguments of <c>replay --input FILE --output FILE</c>.</summary>
public sealed record ReplayOptions(string Input, string Output)
{
    /// <summary>Reads the command line; null and an error message when it is wrong.</summary>
    public static (ReplayOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? input = null, output = null;
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
            return (null, "usage: replay --input ARTICLES.jsonl --output EVENTS.jsonl (use - for standard output)");
        }

        return (new ReplayOptions(input, output), null);
    }
}
