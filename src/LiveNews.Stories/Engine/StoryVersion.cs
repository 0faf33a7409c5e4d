using System.Text;

namespace LiveNews.Stories.Engine;

/// <summary>One article version a story holds.</summary>
public sealed class StoryVersion
{
    public required string ArticleId { get; set; }

    public string ContentHash { get; set; } = "";

    public string Source { get; set; } = "";

    // Address and title are only shown, never compared: held as UTF-8, half the memory of strings.
    private byte[]? _url;
    private byte[] _title = [];

    public string? Url
    {
        get => _url is null ? null : Encoding.UTF8.GetString(_url);
        set => _url = value is null ? null : Encoding.UTF8.GetBytes(value);
    }

    public string Title
    {
        get => Encoding.UTF8.GetString(_title);
        set => _title = Encoding.UTF8.GetBytes(value ?? "");
    }

    public DateTimeOffset Published { get; set; }

    /// <summary>When the story took this version in.</summary>
    public DateTimeOffset At { get; set; }

    public int NewFactCount { get; set; }
}
