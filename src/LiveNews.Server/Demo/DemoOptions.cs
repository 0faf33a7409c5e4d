using LiveNews.Abstractions.Contracts;
using LiveNews.Server.Ingestion;

namespace LiveNews.Server.Demo;

/// <summary>The bundled demo story (configuration "LiveNews:Demo").</summary>
public sealed class DemoOptions
{
    public const string Section = "LiveNews:Demo";

    /// <summary>Replays the bundled developing story when on (the default for the embedded profile).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two versions of the demo story.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>The demo article JSONL; relative paths are under the application's folder.</summary>
    public string File { get; set; } = "Demo/seeds.jsonl";

    /// <summary>Where <see cref="File"/> is.</summary>
    public string FullPath => Path.IsPathRooted(File) ? File : Path.Combine(AppContext.BaseDirectory, File);

    /// <summary>The demo story's article versions (none when the file is missing; unreadable lines are skipped).</summary>
    public IReadOnlyList<ArticleVersion> ReadSample(DateTimeOffset receivedAt) =>
        System.IO.File.Exists(FullPath)
            ? [.. System.IO.File.ReadLines(FullPath).Select((text, i) => ArticleJson.ParseLine(text, i + 1, receivedAt).Article).OfType<ArticleVersion>()]
            : [];
}
