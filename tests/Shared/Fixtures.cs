namespace LiveNews.Tests.Shared;

/// <summary>Paths of the test fixtures (tests/fixtures), found from the test binary upwards.</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(() =>
    {
        if (Environment.GetEnvironmentVariable("LIVENEWS_REPOSITORY") is { Length: > 0 } configured)
        {
            return configured;
        }

        var dir = new System.IO.DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "LiveNews.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new System.IO.DirectoryNotFoundException("LiveNews.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>A path under tests/fixtures.</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root.Value, "tests", "fixtures", .. parts]);

    /// <summary>The seed story as article JSONL.</summary>
    public static string SeedsJsonl => Path("corpus", "seeds", "seeds.jsonl");
}
