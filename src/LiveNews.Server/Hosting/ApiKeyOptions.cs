namespace LiveNews.Server.Hosting;

/// <summary>The key that write APIs require in the X-Api-Key header (configuration "LiveNews:ApiKey").</summary>
public sealed class ApiKeyOptions
{
    public const string HeaderName = "X-Api-Key";

    public string Key { get; set; } = "";

    /// <summary>True when the key was generated at start-up because none was configured.</summary>
    public bool Generated { get; set; }
}
