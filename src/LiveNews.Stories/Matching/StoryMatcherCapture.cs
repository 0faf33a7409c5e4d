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
    private readonly int[]?[] _postings;

    internal StoryMatcherCapture(
        int documents, int[] documentFrequencies, string[] names, LiveStory[] stories,
        Dictionary<string, string> storyOfArticle, List<string> knownByPage, Dictionary<string, string> mergedInto, long opened, int[]?[] postings)
    {
        _documents = documents;
        _documentFrequencies = documentFrequencies;
        _names = names;
        _stories = stories;
        _storyOfArticle = storyOfArticle;
        _knownByPage = knownByPage;
        _mergedInto = mergedInto;
        _opened = opened;
        _postings = postings;
    }

    /// <summary>The captured state in <see cref="StoryMatcherBinary"/>'s compact form (what an index shard stores).</summary>
    public byte[] ToBinary()
    {
        var stories = _stories.OrderBy(s => s.Ordinal).ToArray();
        return StoryMatcherBinary.Write(
            _documents, _documentFrequencies, _names, stories, _storyOfArticle, _knownByPage, _mergedInto, _opened, PostingPositions(stories));
    }

    /// <summary>The captured state as plain data, terms by name.</summary>
    public StoryMatcherSnapshot ToSnapshot()
    {
        var stories = _stories.OrderBy(s => s.Ordinal).ToArray();
        var positions = PostingPositions(stories);
        var postings = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var term = 0; term < positions.Length; term++)
        {
            if (positions[term] is { } list)
            {
                postings[_names[term]] = list;
            }
        }

        return new()
        {
            Documents = _documents,
            DocumentFrequency = TermStatistics.ByName(_documentFrequencies, _names),
            Stories = [.. stories.Select(s => s.ToProfile(_names))],
            StoryOfArticle = _storyOfArticle,
            KnownByPage = _knownByPage,
            MergedInto = _mergedInto,
            Opened = _opened,
            Postings = postings,
        };
    }

    /// <summary>The inverted index by term id, as positions in <paramref name="stories"/> (-1 for a story that has left).</summary>
    private int[]?[] PostingPositions(LiveStory[] stories)
    {
        var positionOfSlot = new Dictionary<int, int>(stories.Length);
        for (var position = 0; position < stories.Length; position++)
        {
            positionOfSlot[stories[position].Slot] = position;
        }

        var positions = new int[]?[_postings.Length];
        for (var term = 0; term < _postings.Length; term++)
        {
            if (_postings[term] is { Length: > 0 } slots)
            {
                positions[term] = Array.ConvertAll(slots, slot => positionOfSlot.GetValueOrDefault(slot, -1));
            }
        }

        return positions;
    }
}
