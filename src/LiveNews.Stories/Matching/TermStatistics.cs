namespace LiveNews.Stories.Matching;

/// <summary>Document frequencies learned online: how many articles so far carried each term.</summary>
public sealed class TermStatistics
{
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);

    /// <summary>Articles observed so far.</summary>
    public int Documents { get; private set; }

    /// <summary>Distinct terms observed.</summary>
    public int Vocabulary => _documentFrequency.Count;

    /// <summary>Counts the terms of one article.</summary>
    public void Observe(IEnumerable<string> terms)
    {
        Documents++;
        foreach (var term in terms)
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }
    }

    /// <summary>The document frequencies (for a snapshot).</summary>
    public IReadOnlyDictionary<string, int> DocumentFrequencies => _documentFrequency;

    /// <summary>Replaces what was learned with a snapshot's counts.</summary>
    public void Restore(int documents, IReadOnlyDictionary<string, int> documentFrequency)
    {
        _documentFrequency.Clear();
        foreach (var (term, count) in documentFrequency)
        {
            _documentFrequency[term] = count;
        }

        Documents = documents;
    }

    /// <summary>Smoothed inverse document frequency; an unseen term gets the highest.</summary>
    public double Idf(string term)
    {
        var df = _documentFrequency.GetValueOrDefault(term);
        return Math.Log((Documents + 1.0) / (df + 1.0)) + 1.0;
    }
}
