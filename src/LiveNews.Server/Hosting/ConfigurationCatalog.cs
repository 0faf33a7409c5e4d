using System.Collections;
using System.Reflection;
using LiveNews.Feeds.Fetching;
using LiveNews.Feeds.Polling;
using LiveNews.Grains.Webhooks;
using LiveNews.Server.Demo;
using LiveNews.Stories;

namespace LiveNews.Server.Hosting;

/// <summary>
/// Every configuration key LiveNews reads, from its options classes and the few single keys, so that a
/// deployment's settings can be checked (a test holds docker-compose.yml and the Kubernetes manifests to
/// it) and a misspelt "LiveNews:..." key is reported at start-up instead of silently ignored.
/// </summary>
public static class ConfigurationCatalog
{
    private static readonly (string Section, Type Options)[] Sections =
    [
        (SiloOptions.Section, typeof(SiloOptions)),
        (WebhookOptions.Section, typeof(WebhookOptions)),
        (FeedOptions.Section, typeof(FeedOptions)),
        (FeedOptions.Section + ":Schedule", typeof(PollScheduleOptions)),
        (FeedOptions.Section + ":Fetch", typeof(FeedFetcherOptions)),
        (DemoOptions.Section, typeof(DemoOptions)),
        (RuntimeOptions.Section, typeof(RuntimeOptions)),
        ("LiveNews:Stories", typeof(StoryEngineOptions)),
        (LiveNews.Grains.Stories.StoryGrainOptions.Section, typeof(LiveNews.Grains.Stories.StoryGrainOptions)),
    ];

    private static readonly string[] SingleKeys =
    [
        "LiveNews:ApiKey", LiveNewsSiloExtensions.RedisKey, "LiveNews:Events:Capacity", "LiveNews:Events:RelayWait", LiveNewsSiloExtensions.OrleansDashboardKey,
        // ASP.NET Core and the standard OpenTelemetry variables LiveNews passes on.
        "Urls", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES",
        "OTEL_METRIC_EXPORT_INTERVAL", "OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG",
        // Kubernetes hosting (the downward API).
        "POD_NAME", "POD_NAMESPACE", "POD_IP",
    ];

    /// <summary>Prefixes whose keys belong to the platform (logging levels, .NET and ASP.NET Core settings).</summary>
    private static readonly string[] OpenPrefixes = ["Logging:", "DOTNET_", "ASPNETCORE_"];

    private static readonly Lazy<HashSet<string>> Known = new(Build);

    /// <summary>
    /// True when LiveNews reads <paramref name="key"/> (either "A:B" or the environment form "A__B"); list
    /// entries ("...:RetrySchedule:0", "...:Subscriptions:2:Url") count as their list.
    /// </summary>
    public static bool IsKnown(string key)
    {
        var normalized = key.Replace("__", ":", StringComparison.Ordinal);
        if (OpenPrefixes.Any(p => normalized.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var parts = normalized.Split(':');
        var withoutIndexes = string.Join(':', parts.Where(p => !int.TryParse(p, out _)));
        return Known.Value.Contains(withoutIndexes);
    }

    /// <summary>The keys under "LiveNews" in <paramref name="configuration"/> that LiveNews does not read.</summary>
    public static IEnumerable<string> UnknownLiveNewsKeys(IConfiguration configuration) =>
        configuration.GetSection("LiveNews").AsEnumerable()
            .Where(kv => kv.Value is not null && !IsKnown(kv.Key))
            .Select(kv => kv.Key);

    private static HashSet<string> Build()
    {
        var keys = new HashSet<string>(SingleKeys, StringComparer.OrdinalIgnoreCase);
        foreach (var (section, type) in Sections)
        {
            AddProperties(keys, section, type, depth: 0);
        }

        return keys;
    }

    private static void AddProperties(HashSet<string> keys, string prefix, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsList(p.PropertyType)))
        {
            var key = prefix + ":" + property.Name;
            keys.Add(key);
            var element = ElementType(property.PropertyType);
            if (depth < 2 && element is not null && IsComplex(element))
            {
                AddProperties(keys, key, element, depth + 1);
            }
        }
    }

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : IsList(type) && type.IsGenericType ? type.GetGenericArguments()[^1] : null;

    private static bool IsComplex(Type type) => type.IsClass && type != typeof(string);
}
