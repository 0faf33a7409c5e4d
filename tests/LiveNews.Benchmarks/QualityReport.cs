using System.Globalization;
using System.Reflection;
using LiveNews.Stories;
using LiveNews.Stories.Engine;

namespace LiveNews.Benchmarks;

/// <summary>
/// Story clustering quality of the engine alone (no Orleans) on labelled article streams: BCubed precision,
/// recall and F1 as ../shared/tools/score-stories.py computes them, in about a second a corpus, so that
/// options can be tried quickly. Options are given as Name=Value (StoryEngineOptions properties).
/// </summary>
/// <example>dotnet run -c Release --project tests/LiveNews.Benchmarks -- quality [ARTICLES.jsonl LABELS.tsv ...] [MatchThreshold=0.25 ...]</example>
internal static class QualityReport
{
    public static void Run(IEnumerable<string> arguments)
    {
        // Labelled streams to score (ARTICLES.jsonl LABELS.tsv pairs); the dev streams when none is given.
        var files = arguments.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToList();
        var settings = arguments.Where(a => a.Contains('=', StringComparison.Ordinal));
        var options = new StoryEngineOptions();
        foreach (var setting in settings)
        {
            var (name, value) = setting.Split('=', 2) is [var n, var v] ? (n, v) : throw new ArgumentException($"not Name=Value: {setting}");
            var property = typeof(StoryEngineOptions).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ArgumentException($"no option {name}");
            property.SetValue(options, property.PropertyType == typeof(TimeSpan)
                ? TimeSpan.Parse(value, CultureInfo.InvariantCulture)
                : Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
        }

        var directory = LiveNews.Tests.Shared.Fixtures.Path("corpus", "stories-dev");
        var pairs = files.Count >= 2
            ? files.Chunk(2).Where(p => p.Length == 2).Select(p => (Articles: p[0], Labels: p[1])).ToList()
            : [.. new[] { "wikinews-dev", "ecbplus-dev" }.Select(c => (Articles: Path.Combine(directory, c + ".jsonl"), Labels: Path.Combine(directory, c + ".labels.tsv")))];
        foreach (var (articles, labels) in pairs)
        {
            var (p, r, f1) = Score(options, articles, labels);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(articles),-14} BCubed P {p:F3}  R {r:F3}  F1 {f1:F3}"));
        }
    }

    public static (double Precision, double Recall, double F1) Score(StoryEngineOptions options, string articles, string labels)
    {
        var engine = new StoryEngine(options);
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in LiveNews.Stories.Tests.CorpusReader.Read(articles))
        {
            foreach (var evt in engine.Process(input))
            {
                if (!evt.IsMerge)
                {
                    storyOf[evt.ArticleId] = evt.StoryId;
                }
            }
        }

        var gold = File.ReadLines(labels).Skip(1).Select(l => l.Split('\t')).Where(f => f.Length >= 2).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var predicted = gold.Keys.ToDictionary(a => a, a => storyOf.TryGetValue(a, out var s) ? engine.Resolve(s) : "missing:" + a, StringComparer.Ordinal);
        var byPredicted = predicted.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal));
        var byGold = gold.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal));
        double precision = 0, recall = 0;
        foreach (var article in gold.Keys)
        {
            var mine = byPredicted[predicted[article]];
            var truth = byGold[gold[article]];
            var same = mine.Count(truth.Contains);
            precision += (double)same / mine.Count;
            recall += (double)same / truth.Count;
        }

        precision /= gold.Count;
        recall /= gold.Count;
        return (precision, recall, precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0);
    }
}
