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
        var orders = arguments.Where(a => a.StartsWith("orders=", StringComparison.Ordinal))
            .Select(a => int.Parse(a["orders=".Length..], CultureInfo.InvariantCulture)).LastOrDefault();
        var share = arguments.Where(a => a.StartsWith("short=", StringComparison.Ordinal))
            .Select(a => double.Parse(a["short=".Length..], CultureInfo.InvariantCulture)).LastOrDefault();
        var cuts = arguments.Where(a => a.StartsWith("cuts=", StringComparison.Ordinal))
            .Select(a => int.Parse(a["cuts=".Length..], CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Last();
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
        foreach (var (articles, labels) in pairs)
        {
            var (p, r, f1) = Score(options, articles, labels);
            var line = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(articles),-14} BCubed P {p:F3}  R {r:F3}  F1 {f1:F3}");
            if (orders > 0)
            {
                // The same articles in other arrival orders (seeds 1..orders): how much of a figure is the order's luck.
                var shuffled = Enumerable.Range(1, orders).Select(seed => Score(options, articles, labels, seed).F1).ToList();
                line += string.Create(CultureInfo.InvariantCulture, $"  | {orders} shuffled orders: F1 mean {shuffled.Average():F3}  min {shuffled.Min():F3}  max {shuffled.Max():F3}");
            }

            Console.WriteLine(line);
            if (share > 0)
            {
                // Short feed items: a share of the articles cut to their headline, or to it and one line.
                foreach (var firstLine in new[] { false, true })
                {
                    var (sp, sr, sf1) = Score(options, articles, labels, cut: (share, firstLine, 1));
                    var cutLine = string.Create(CultureInfo.InvariantCulture,
                        $"  {share:P0} cut to {(firstLine ? "headline and one line" : "headline alone"),-22} BCubed P {sp:F3}  R {sr:F3}  F1 {sf1:F3}");
                    if (cuts > 1)
                    {
                        var others = Enumerable.Range(1, cuts).Select(seed => Score(options, articles, labels, cut: (share, firstLine, seed)).F1).ToList();
                        cutLine += string.Create(CultureInfo.InvariantCulture, $"  | {cuts} cuts: F1 mean {others.Average():F3}  min {others.Min():F3}  max {others.Max():F3}");
                    }

                    Console.WriteLine(cutLine);
                }
            }
        }
    }

    public static (double Precision, double Recall, double F1) Score(StoryEngineOptions options, string articles, string labels, int? shuffle = null, (double Share, bool FirstLine, int Seed)? cut = null)
    {
        var inputs = LiveNews.Stories.Tests.CorpusReader.Read(articles);
        if (cut is var (share, firstLine, cutSeed))
        {
            inputs = LiveNews.Stories.Tests.ShortItems.Cut(inputs, share, cutSeed, firstLine);
        }

        // Another arrival order of the same articles (the engine's joins depend on which came first).
        var order = shuffle is { } seed ? StoryScoring.Shuffled(inputs, seed) : inputs;
        var predicted = LiveNews.Stories.Tests.EngineReplay.FinalStories(new StoryEngine(options), order);
        return StoryScoring.BCubed(predicted, StoryScoring.ReadLabels(labels));
    }
}
