using System.Text.Json;
using LiveNews.Stories.Analysis;
using Orleans.Serialization;

namespace LiveNews.Grains.Hosting;

/// <summary>
/// Lets Orleans carry the story engine's plain types (LiveNews.Stories, LiveNews.Text) as JSON, so
/// those libraries stay free of Orleans attributes.
/// </summary>
public static class LiveNewsSerialization
{
    private static readonly string[] Namespaces = ["LiveNews.Stories", "LiveNews.Text", "LiveNews.Feeds"];

    /// <summary>True for the types the JSON codec handles.</summary>
    public static bool IsEngineType(Type type) =>
        type.Assembly == typeof(AnalysedArticle).Assembly
        || Array.Exists(Namespaces, ns => type.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true);

    /// <summary>Registers the JSON codec for the engine's types.</summary>
    public static ISerializerBuilder AddLiveNewsSerialization(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(IsEngineType, new JsonSerializerOptions(JsonSerializerDefaults.General) { MaxDepth = 64 });
}
