using System.Collections.Immutable;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Stories;
using LiveNews.Stories.Analysis;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace LiveNews.Grains.Stories;

/// <summary>
/// Stateless worker: analyses an article version (the expensive, parallel part), asks the index which
/// story it joins, and hands it to that story's grain.
/// </summary>
[StatelessWorker]
public sealed class StoryRouterGrain : Grain, IStoryRouterGrain
{
    private readonly ArticleAnalyzer _analyzer;

    public StoryRouterGrain(IOptions<StoryEngineOptions> options)
    {
        _analyzer = new ArticleAnalyzer(options.Value);
    }

    public async Task<ImmutableArray<StoryEvent>> IngestAsync(ArticleVersion article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var analysed = _analyzer.Analyze(ArticleInputMapper.ToInput(article));
        var decision = await GrainFactory.GetGrain<IStoryIndexGrain>(0).AssignAsync(analysed.AsImmutable());
        var evt = await GrainFactory.GetGrain<IStoryClusterWriterGrain>(decision.StoryId)
            .AddVersionAsync(analysed.AsImmutable(), article.ReceivedAt);
        return [evt];
    }
}
