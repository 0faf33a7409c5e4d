using LiveNews.Stories.Analysis;
using LiveNews.Stories.Matching;

namespace LiveNews.Stories.Engine;

/// <summary>
/// The whole story engine in one process, without Orleans: analyse, match, update the story. The
/// grains run the same steps split over a router, an index and story grains; this facade serves tests,
/// benchmarks and tuning.
/// </summary>
public sealed class StoryEngine
{
    private readonly StoryEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ArticleAnalyzer _analyzer;
    private readonly StoryMatcher _matcher;
    private readonly Dictionary<string, StoryState> _stories = new(StringComparer.Ordinal);

    public StoryEngine(StoryEngineOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? new StoryEngineOptions();
        _time = time ?? TimeProvider.System;
        _analyzer = new ArticleAnalyzer(_options);
        _matcher = new StoryMatcher(_options);
    }

    public int StoryCount => _stories.Count;

    public StoryMatcher Matcher => _matcher;

    /// <summary>The state of a story, or null.</summary>
    public StoryState? GetStory(string storyId) => _stories.GetValueOrDefault(storyId);

    /// <summary>Processes one article version; returns one event per article part.</summary>
    public IReadOnlyList<EngineEvent> Process(ArticleInput input)
    {
        var parts = _analyzer.AnalyzePage(input);
        var events = new List<EngineEvent>(parts.Count);
        var taken = new List<string>(parts.Count);
        foreach (var part in parts)
        {
            var evt = Route(part, taken);
            taken.Add(evt.StoryId);
            events.Add(evt);
        }

        return events;
    }

    /// <summary>Routes an analysed article to its story (never one of <paramref name="exclude"/>) and applies it.</summary>
    public EngineEvent Route(AnalysedArticle article, IReadOnlyCollection<string>? exclude = null)
    {
        var vector = _matcher.Vectorize(article);
        var match = _matcher.Match(article, vector, exclude);
        var storyId = match.StoryId ?? StoryIds.ForOpeningArticle(article.Id);
        _matcher.Assign(storyId, article, vector);
        if (!_stories.TryGetValue(storyId, out var story))
        {
            story = new StoryState { Id = storyId };
            _stories[storyId] = story;
        }

        var update = story.Apply(article, _time.GetUtcNow(), _options);
        return new EngineEvent(update.Kind, storyId, article.Id, update.Sequence, story.Headline, update.NewFacts, story.Sources.ToList());
    }
}
