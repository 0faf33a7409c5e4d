using System.Collections.Immutable;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;

namespace LiveNews.Server.Ingestion;

/// <summary>Sends article versions into the story pipeline (the router grain), in order.</summary>
public sealed class ArticleIngestor(IGrainFactory grains)
{
    /// <summary>Routes one article version; returns the events it caused.</summary>
    public Task<ImmutableArray<StoryEvent>> IngestAsync(ArticleVersion article) =>
        grains.GetGrain<IStoryRouterGrain>(0).IngestAsync(article);
}
