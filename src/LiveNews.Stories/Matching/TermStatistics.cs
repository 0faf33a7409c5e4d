namespace LiveNews.Stories.Matching;

/// <summary>Document frequencies learned online: how many articles so far carried each term.</summary>
public sealed class TermStatistics
{
    private int[] _documentFrequency = new int[1024];

    internal TermTable Terms { get; } = new();

    /// <summary>Articles observed so far.</summary>
    public int Documents { get; private set; }

    /// <summary>Distinct terms observed.</summary>
    public int Vocabulary => Terms.Count;

    /// <summary>Counts one more article.</summary>
    internal void CountDocument() => Documents++;

    /// <summary>Counts one more article carrying the term <paramref name="id"/>.</summary>
    internal void Count(int id)
    {
        Grow(id);
        _documentFrequency[id]++;
    }

    private void Grow(int id)
    {
        if (id >= _documentFrequency.Length)
        {
            Array.Resize(ref _documentFrequency, Math.Max(id + 1, _documentFrequency.Length * 2));
        }
    }

    /// <summary>The document frequencies (for a snapshot): terms seen in at least one article.</summary>
    public IReadOnlyDictionary<string, int> DocumentFrequencies => ByName(CopyDocumentFrequencies(), Terms.Names);

    /// <summary>A copy of the document frequency of each term id so far.</summary>
    internal int[] CopyDocumentFrequencies() => _documentFrequency.AsSpan(0, Math.Min(Terms.Count, _documentFrequency.Length)).ToArray();

    /// <summary>Document frequencies by term name, for the terms seen in at least one article.</summary>
    internal static Dictionary<string, int> ByName(int[] documentFrequencies, IReadOnlyList<string> names)
    {
        var result = new Dictionary<string, int>(documentFrequencies.Length, StringComparer.Ordinal);
        for (var id = 0; id < documentFrequencies.Length; id++)
        {
            if (documentFrequencies[id] > 0)
            {
                result[names[id]] = documentFrequencies[id];
            }
        }

        return result;
    }

    /// <summary>Replaces what was learned with a snapshot's counts.</summary>
    public void Restore(int documents, IReadOnlyDictionary<string, int> documentFrequency)
    {
        ArgumentNullException.ThrowIfNull(documentFrequency);
        Array.Clear(_documentFrequency);
        foreach (var (term, count) in documentFrequency)
        {
            var id = Terms.GetOrAdd(term);
            Grow(id);
            _documentFrequency[id] = count;
        }

        Documents = documents;
    }

    /// <summary>Smoothed inverse document frequency of the term <paramref name="id"/>; an unseen term gets the highest.</summary>
    internal double IdfOf(int id) => Idf(DocumentFrequency(id));

    private int DocumentFrequency(int id) => id < _documentFrequency.Length ? _documentFrequency[id] : 0;

    private double Idf(int documentFrequency) => Math.Log((Documents + 1.0) / (documentFrequency + 1.0)) + 1.0;
}
