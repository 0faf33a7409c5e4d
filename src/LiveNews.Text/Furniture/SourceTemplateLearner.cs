namespace LiveNews.Text.Furniture;

/// <summary>
/// Learns each source's template lines: a short line that appears in many articles of one source
/// ("The New York Times Services", a newsletter prompt) is that source's boilerplate, not news.
/// Memory is bounded: per source it tracks at most <see cref="MaxLinesPerSource"/> distinct lines.
/// </summary>
public sealed class SourceTemplateLearner
{
    /// <summary>Lines longer than this are never template (they are prose).</summary>
    public const int MaxTemplateLineLength = 160;

    public const int MaxLinesPerSource = 2_000;

    private readonly Dictionary<string, SourceLines> _sources = new(StringComparer.Ordinal);
    private readonly int _minArticles;
    private readonly double _minShare;

    /// <param name="minArticles">A line must be seen in at least this many articles of the source.</param>
    /// <param name="minShare">... and in at least this share of the source's articles.</param>
    public SourceTemplateLearner(int minArticles = 5, double minShare = 0.3)
    {
        _minArticles = minArticles;
        _minShare = minShare;
    }

    /// <summary>Records the lines of one article of <paramref name="source"/>.</summary>
    public void Observe(string source, IEnumerable<string> lines)
    {
        if (!_sources.TryGetValue(source, out var entry))
        {
            entry = new SourceLines();
            _sources[source] = entry;
        }

        entry.Articles++;
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length is > 0 and <= MaxTemplateLineLength).Distinct(StringComparer.Ordinal))
        {
            if (entry.Counts.TryGetValue(line, out var count))
            {
                entry.Counts[line] = count + 1;
            }
            else if (entry.Counts.Count < MaxLinesPerSource)
            {
                entry.Counts[line] = 1;
            }
            else
            {
                entry.Prune();
                if (entry.Counts.Count < MaxLinesPerSource)
                {
                    entry.Counts[line] = 1;
                }
            }
        }
    }

    /// <summary>True when <paramref name="line"/> is template of <paramref name="source"/>.</summary>
    public bool IsTemplate(string source, string line)
    {
        if (!_sources.TryGetValue(source, out var entry) || line.Length > MaxTemplateLineLength)
        {
            return false;
        }

        return entry.Counts.TryGetValue(line.Trim(), out var count)
            && count >= _minArticles
            && count >= _minShare * entry.Articles;
    }

    private sealed class SourceLines
    {
        public int Articles { get; set; }

        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

        /// <summary>Forgets the lines seen only once, making room for new ones.</summary>
        public void Prune()
        {
            foreach (var key in Counts.Where(kv => kv.Value <= 1).Select(kv => kv.Key).ToList())
            {
                Counts.Remove(key);
            }
        }
    }
}
