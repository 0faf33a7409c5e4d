using System.Globalization;
using System.Reflection;
using LiveNews.Stories;
using LiveNews.Stories.Engine;
using LiveNews.Tests.Shared;

namespace LiveNews.Benchmarks;

/// <summary>
/// Story clustering quality of the engine alone (no Orleans) on labelled article streams: BCubed precision,
/// recall and F1 as ../shared/tools/score-stories.py computes them, in about a second a corpus, so that
/// options can be tried quickly. Options are given as Name=Value (StoryEngineOptions properties);
/// orders=N also scores N shuffled arrival orders of each stream (seeded, so the same every run) and gives
/// their mean, least and greatest F1: ecbplus-dev arrives in a random order, and a figure that holds in one
/// order only is luck. short=F also scores each stream with a share F of its articles cut to short feed items
/// (the headline alone; the headline and one line), which must cluster too; cuts=N also scores N different
/// cuts (seeds 1..N) and gives their mean, least and greatest F1, since which articles are cut matters too.
/// </summary>
/// <example>dotnet run -c Release --project tests/LiveNews.Benchmarks -- quality [ARTICLES.jsonl LABELS.tsv ...] [orders=6] [short=0.3 [cuts=5]] [MatchThreshold=0.25 ...]</example>
internal static class QualityReport
{
    public static void Run(IEnumerable<string> arguments)
    {
        // Labelled streams to score (ARTICLES.jsonl LABELS.tsv pairs); the dev streams when none is given.
        var files = arguments.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToList();
        var orders = Argument(arguments, "orders=", text => int.Parse(text, CultureInfo.InvariantCulture), 0);
        var share = Argument(arguments, "short=", text => double.Parse(text, CultureInfo.InvariantCulture), 0.0);
        var cuts = Argument(arguments, "cuts=", text => int.Parse(text, CultureInfo.InvariantCulture), 1);
        string[] ours = ["orders=", "short=", "cuts="];
        var settings = arguments.Where(a => a.Contains('=', StringComparison.Ordinal) && !ours.Any(o => a.StartsWith(o, StringComparison.Ordinal)));
        var options = new StoryEngineOptions();
        foreach (var setting in settings)
        {
            var (name, value) = setting.Split('=', 2) is [var n, var v] ? (n, v) : throw new ArgumentException($"not Name=Value: {setting}");
            var property = typeof(StoryEngineOptions).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ArgumentException($"no option {name}");
            property.SetValue(options, property.PropertyType switch
            {
                var t when t == typeof(TimeSpan) => TimeSpan.Parse(value, CultureInfo.InvariantCulture),
                { IsEnum: true } t => Enum.Parse(t, value, ignoreCase: true),
                var t => Convert.ChangeType(value, t, CultureInfo.InvariantCulture),
            });
        }

        var directory = LiveNews.Tests.Shared.Fixtures.Path("corpus", "stories-dev");
        var pairs = files.Count >= 2
            ? files.Chunk(2).Where(p => p.Length == 2).Select(p => (Articles: p[0], Labels: p[1])).ToList()
            : [.. new[] { "wikinews-dev", "ecbplus-dev" }.Select(c => (Articles: Path.Combine(directory, c + ".jsonl"), Labels: Path.Combine(directory, c + ".labels.tsv")))];
        foreach (var (path, labels) in pairs)
        {
            // Each stream is read once, whatever is scored of it.
            var articles = LiveNews.Stories.Tests.CorpusReader.Read(path);
            var gold = StoryScoring.ReadLabels(labels);
            var (p, r, f1) = Score(options, articles, gold);
            var line = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(path),-14} BCubed P {p:F3}  R {r:F3}  F1 {f1:F3}");
            if (orders > 0)
            {
                // The same articles in other arrival orders (seeds 1..orders): how much of a figure is the order's luck.
                line += Spread($"{orders} shuffled orders", Enumerable.Range(1, orders).Select(seed => Score(options, StoryScoring.Shuffled(articles, seed), gold).F1));
            }

            Console.WriteLine(line);
            if (share > 0)
            {
                // Short feed items: a share of the articles cut to their headline, or to it and one line (cut 1 first).
                foreach (var firstLine in new[] { false, true })
                {
                    var (sp, sr, sf1) = Score(options, LiveNews.Stories.Tests.ShortItems.Cut(articles, share, seed: 1, firstLine), gold);
                    var cutLine = string.Create(CultureInfo.InvariantCulture,
                        $"  {share:P0} cut to {(firstLine ? "headline and one line" : "headline alone"),-22} BCubed P {sp:F3}  R {sr:F3}  F1 {sf1:F3}");
                    if (cuts > 1)
                    {
                        cutLine += Spread($"{cuts} cuts", Enumerable.Range(1, cuts).Select(seed => Score(options, LiveNews.Stories.Tests.ShortItems.Cut(articles, share, seed, firstLine), gold).F1));
                    }

                    Console.WriteLine(cutLine);
                }
            }
        }
    }

    /// <summary>The value of the argument <paramref name="prefix"/>VALUE (the last one given), or <paramref name="fallback"/>.</summary>
    private static T Argument<T>(IEnumerable<string> arguments, string prefix, Func<string, T> parse, T fallback) =>
        arguments.Where(a => a.StartsWith(prefix, StringComparison.Ordinal)).Select(a => parse(a[prefix.Length..])).DefaultIfEmpty(fallback).Last();

    /// <summary>"  | LABEL: F1 mean … min … max …" of several runs' F1.</summary>
    private static string Spread(string label, IEnumerable<double> f1s)
    {
        var values = f1s.ToList();
        return string.Create(CultureInfo.InvariantCulture, $"  | {label}: F1 mean {values.Average():F3}  min {values.Min():F3}  max {values.Max():F3}");
    }

    /// <summary>BCubed precision, recall and F1 of the engine's final stories for <paramref name="articles"/>, in their order.</summary>
    private static (double Precision, double Recall, double F1) Score(StoryEngineOptions options, IEnumerable<LiveNews.Stories.Analysis.ArticleInput> articles, IReadOnlyDictionary<string, string> gold) =>
        StoryScoring.BCubed(LiveNews.Stories.Tests.EngineReplay.FinalStories(new StoryEngine(options), articles), gold);
}
