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
        var vector = _matcher.Vectorize(value);
        var match = _matcher.Match(value, vector, exclude);
        var storyId = match.StoryId ?? StoryIds.ForOpeningArticle(value.Id);
        _matcher.Assign(storyId, value, vector);
        return Task.FromResult(new IndexDecision
        {
            StoryId = storyId,
            Score = match.Score,
            Opens = match.StoryId is null,
            Candidates = match.Candidates,
        });
    }

    public Task<int> CountAsync() => Task.FromResult(_matcher.StoryCount);
}
