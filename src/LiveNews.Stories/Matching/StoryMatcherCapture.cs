namespace LiveNews.Stories.Matching;

/// <summary>
/// What <see cref="StoryMatcher.Capture"/> took: the matcher's state at one point, in its own compact
/// form. Taking it is quick (the owner's turn is short); <see cref="ToSnapshot"/> does the slow part
/// (naming every term) and may run on another thread while the matcher goes on.
/// </summary>
public sealed class StoryMatcherCapture
{
    private readonly int _documents;
    private readonly int[] _documentFrequencies;
    private readonly string[] _names;
    private readonly LiveStory[] _stories;
    private readonly Dictionary<string, string> _storyOfArticle;
    private readonly List<string> _knownByPage;
    private readonly Dictionary<string, string> _mergedInto;
    private readonly long _opened;

    internal StoryMatcherCapture(
        int documents, int[] documentFrequencies, string[] names, LiveStory[] stories,
        Dictionary<string, string> storyOfArticle, List<string> knownByPage, Dictionary<string, string> mergedInto, long opened)
    {
        _documents = documents;
        _documentFrequencies = documentFrequencies;
        _names = names;
        _stories = stories;
        _storyOfArticle = storyOfArticle;
        _knownByPage = knownByPage;
        _mergedInto = mergedInto;
        _opened = opened;
    }

    /// <summary>The captured state in <see cref="StoryMatcherBinary"/>'s compact form (what an index shard stores).</summary>
    public byte[] ToBinary() => StoryMatcherBinary.Write(
        _documents, _documentFrequencies, _names, _stories.OrderBy(s => s.Ordinal), _storyOfArticle, _knownByPage, _mergedInto, _opened);

    /// <summary>The captured state as plain data, terms by name.</summary>
    public StoryMatcherSnapshot ToSnapshot() => new()
    {
        Documents = _documents,
        DocumentFrequency = TermStatistics.ByName(_documentFrequencies, _names),
        Stories = [.. _stories.OrderBy(s => s.Ordinal).Select(s => s.ToProfile(_names))],
        StoryOfArticle = _storyOfArticle,
        KnownByPage = _knownByPage,
        MergedInto = _mergedInto,
        Opened = _opened,
    };
}
