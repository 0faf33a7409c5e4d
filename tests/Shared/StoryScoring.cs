namespace LiveNews.Tests.Shared;

/// <summary>BCubed precision, recall and F1 of a story assignment against gold stories, as ../shared/tools/score-stories.py computes them.</summary>
internal static class StoryScoring
{
    /// <summary>Gold labels (a header line, then articleId TAB story) as article id to story.</summary>
    public static Dictionary<string, string> ReadLabels(string path) =>
        File.ReadLines(path).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 2)
            .ToDictionary(fields => fields[0], fields => fields[1], StringComparer.Ordinal);

    /// <summary>Another arrival order of the same items, the same for the same seed (the `quality` report's orders=N are seeds 1 to N).</summary>
    public static List<T> Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var order = items.ToArray();
        new Random(seed).Shuffle(order);
        return [.. order];
    }

    /// <summary>
    /// Scores <paramref name="predicted"/> (article id to final story id) against <paramref name="gold"/>
    /// (article id to gold story); a gold article with no predicted story counts as a story of its own.
    /// </summary>
    public static (double Precision, double Recall, double F1) BCubed(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var storyOf = gold.Keys.ToDictionary(a => a, a => predicted.TryGetValue(a, out var s) ? s : "missing:" + a, StringComparer.Ordinal);
        var byPredicted = storyOf.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal));
        var byGold = gold.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal));
        double precision = 0, recall = 0;
        foreach (var article in gold.Keys)
        {
            var mine = byPredicted[storyOf[article]];
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
