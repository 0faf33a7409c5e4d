using LiveNews.Stories;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Matching;
using Microsoft.Extensions.Options;

namespace LiveNews.Grains.Stories;

/// <summary>Hosts the <see cref="StoryMatcher"/>; thin: the matching itself lives in LiveNews.Stories.</summary>
public sealed class StoryIndexGrain : Grain, IStoryIndexGrain
{
    private readonly StoryMatcher _matcher;

    public StoryIndexGrain(IOptions<StoryEngineOptions> options)
    {
        _matcher = new StoryMatcher(options.Value);
    }

    public Task<IndexDecision> AssignAsync(Immutable<AnalysedArticle> article, string[] exclude)
    {
        var value = article.Value;
        var decision = _matcher.Decide(value, StoryIds.ForOpeningArticle(value.Id), exclude);
        return Task.FromResult(new IndexDecision
        {
            StoryId = decision.StoryId,
            Score = decision.Score,
            Opens = decision.Opens,
            Candidates = decision.Candidates,
            Absorbed = [.. decision.Absorbed],
        });
    }

    public Task<int> CountAsync() => Task.FromResult(_matcher.StoryCount);
}
