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
        _analyzer = new ArticleAnalyzer(_options, new LiveNews.Text.Furniture.SourceTemplateLearner());
        _matcher = new StoryMatcher(_options);
    }

    public int StoryCount => _stories.Count;

    public StoryMatcher Matcher => _matcher;

    /// <summary>The analyser <see cref="Process"/> uses (it learns source templates and names as it goes).</summary>
    public ArticleAnalyzer Analyzer => _analyzer;

    /// <summary>The state of a story, or null.</summary>
    public StoryState? GetStory(string storyId) => _stories.GetValueOrDefault(storyId);

    /// <summary>The ids of the stories the engine holds (absorbed stories included).</summary>
    public IReadOnlyCollection<string> HeldStoryIds => _stories.Keys;

    /// <summary>Processes one article version; returns one event per article part.</summary>
    public IReadOnlyList<EngineEvent> Process(ArticleInput input) => RoutePage(_analyzer.AnalyzePage(input));

    /// <summary>Routes the analysed parts of one page (<see cref="Analyzer"/>'s output); parts of one page never join each other's stories.</summary>
    public IReadOnlyList<EngineEvent> RoutePage(IReadOnlyList<AnalysedArticle> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var events = new List<EngineEvent>(parts.Count);
        var taken = new List<string>(parts.Count);
        foreach (var part in parts)
        {
            var routed = Route(part, taken);
            taken.Add(routed[^1].StoryId);
            events.AddRange(routed);
        }

        return events;
    }

    /// <summary>The story a story id stands for now (itself, or the story it was merged into).</summary>
    public string Resolve(string storyId) => _matcher.Resolve(storyId);

    /// <summary>
    /// Routes an analysed article to its story (never one of <paramref name="exclude"/>) and applies it.
    /// Returns the article's event, preceded by a merge event when the article showed two stories to be one.
    /// </summary>
    public IReadOnlyList<EngineEvent> Route(AnalysedArticle article, IReadOnlyCollection<string>? exclude = null)
    {
        var decision = _matcher.Decide(article, StoryIds.ForOpeningArticle(article.Id), exclude);
        var storyId = decision.StoryId;
        var events = new List<EngineEvent>(2);
        if (!_stories.TryGetValue(storyId, out var story))
        {
            story = new StoryState { Id = storyId };
            _stories[storyId] = story;
        }

        if (decision.Absorbed.Count > 0)
        {
            MergeStories(story, decision.Absorbed, events);
        }

        var update = story.Apply(article, _time.GetUtcNow(), _options);
        events.Add(new EngineEvent(update.Kind, storyId, article.Id, update.Sequence, story.Headline, update.NewFacts, story.Sources.ToList()));
        return events;
    }

    private void MergeStories(StoryState survivor, IReadOnlyList<string> absorbedIds, List<EngineEvent> events)
    {
        var absorbed = new List<string>();
        foreach (var id in absorbedIds)
        {
            if (_stories.Remove(id, out var other))
            {
                survivor.Absorb(other, _time.GetUtcNow(), _options);
                absorbed.Add(id);
            }
        }

        if (absorbed.Count > 0)
        {
            var sequence = survivor.NextSequence();
            events.Add(new EngineEvent(StoryUpdateKind.Updated, survivor.Id, "", sequence, survivor.Headline, [], survivor.Sources.ToList()) { Absorbed = absorbed });
        }
    }
}
