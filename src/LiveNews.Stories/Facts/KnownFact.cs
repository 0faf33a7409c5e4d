using System.Text;
using System.Text.Json.Serialization;

namespace LiveNews.Stories.Facts;

/// <summary>A fact a story knows: the sentence that first told it, its fingerprint and where it came from.</summary>
public sealed class KnownFact
{
    private byte[] _text = [];

    /// <summary>
    /// The sentence. Held as UTF-8 (news text is mostly ASCII: half the memory of a string, and a story
    /// keeps hundreds of sentences); read only to show a story, so each read decodes it.
    /// </summary>
    public required string Text
    {
        get => Encoding.UTF8.GetString(_text);
        set => _text = Encoding.UTF8.GetBytes(value ?? "");
    }

    /// <summary>The fingerprint: sorted, distinct <see cref="FactFeatures"/> of its stems, entities and figures.</summary>
    public int[] Features { get; set; } = [];

    /// <summary>The <see cref="FactFeatures.Quote"/> key of the words it quotes, if it quotes any.</summary>
    public int? QuoteKey { get; set; }

    public string Source { get; set; } = "";

    public string? Url { get; set; }

    public string ArticleId { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>How many distinct sources told this fact.</summary>
    public int SourceCount { get; set; } = 1;

    /// <summary>Read from stories stored before fingerprints were features (stems as strings); never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string[]? Stems
    {
        get => null;
        set => AddFeatures(value, FactFeatures.Stem);
    }

    /// <summary>Read from stories stored before fingerprints were features (entity keys); never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string[]? Entities
    {
        get => null;
        set => AddFeatures(value, FactFeatures.Entity);
    }

    /// <summary>Read from stories stored before fingerprints were features (figures); never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string[]? Numbers
    {
        get => null;
        set => AddFeatures(value, FactFeatures.Number);
    }

    /// <summary>Read from stories stored before quotes were keys (the quoted words); never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Quote
    {
        get => null;
        set
        {
            // Serialisers that write the null this returns read it back too, maybe after QuoteKey.
            if (value is not null)
            {
                QuoteKey = FactFeatures.Quote(value);
            }
        }
    }

    private void AddFeatures(string[]? values, Func<string, int> feature)
    {
        if (values is { Length: > 0 })
        {
            Features = FactFeatures.SortedDistinct([.. Features, .. values.Select(feature)]);
        }
    }
}
