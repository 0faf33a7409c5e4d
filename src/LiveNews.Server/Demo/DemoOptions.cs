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
}
