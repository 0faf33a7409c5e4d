using System.Collections.Immutable;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Stories;
using LiveNews.Stories.Analysis;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace LiveNews.Grains.Stories;

/// <summary>
/// Stateless worker: analyses an article version (the expensive, parallel part), asks the sharded index
/// (<see cref="ShardedStoryIndex"/>) which story it joins, and hands it to that story's grain.
/// </summary>
[StatelessWorker]
public sealed class StoryRouterGrain : Grain, IStoryRouterGrain
{
    private readonly ArticleAnalyzer _analyzer;
    private readonly StoryEngineOptions _options;

    public StoryRouterGrain(IOptions<StoryEngineOptions> options)
    {
        _options = options.Value;
        // Each activation learns source templates from the pages it sees (an approximation: several
        // activations each see part of the stream; template lines recur often enough for each to learn them).
        _analyzer = new ArticleAnalyzer(options.Value, new LiveNews.Text.Furniture.SourceTemplateLearner());
    }

    public async Task<ImmutableArray<StoryEvent>> IngestAsync(ArticleVersion article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var parts = _analyzer.AnalyzePage(ArticleInputMapper.ToInput(article));
        var index = new ShardedStoryIndex(GrainFactory, _options);
        var events = ImmutableArray.CreateBuilder<StoryEvent>(parts.Count + 1);
        var taken = new List<string>(parts.Count);
        foreach (var part in parts)
        {
            var decision = await index.AssignAsync(part, [.. taken]);
            taken.Add(decision.StoryId);
            var writer = GrainFactory.GetGrain<IStoryClusterWriterGrain>(decision.StoryId);
            if (decision.Absorbed.Length > 0)
            {
                events.Add(await writer.AbsorbAsync(decision.Absorbed));
            }

            events.Add(await GrainFactory.GetGrain<IStoryClusterWriterGrain>(decision.StoryId)
                .AddVersionAsync(part.AsImmutable(), article.ReceivedAt));
        }

        return events.ToImmutable();
    }
}
