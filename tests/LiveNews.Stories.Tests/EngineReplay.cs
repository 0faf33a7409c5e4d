using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;

namespace LiveNews.Stories.Tests;

/// <summary>Runs article inputs through the engine alone, as `replay` runs them through the grains.</summary>
internal static class EngineReplay
{
    /// <summary>Processes <paramref name="articles"/> in order and returns each article's final story (merges followed).</summary>
    public static Dictionary<string, string> FinalStories(StoryEngine engine, IEnumerable<ArticleInput> articles)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(articles);
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var evt in engine.Process(article))
            {
                if (!evt.IsMerge)
                {
                    storyOf[evt.ArticleId] = evt.StoryId;
                }
            }
        }

        return storyOf.ToDictionary(kv => kv.Key, kv => engine.Resolve(kv.Value), StringComparer.Ordinal);
    }
}
