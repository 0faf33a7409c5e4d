using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Stories;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Tests.Fixtures;
using Orleans.Concurrency;

namespace LiveNews.Grains.Tests.Stories;

public class StoryMergeTests(StrictClusterFixture fixture) : IClassFixture<StrictClusterFixture>
{
    private static readonly DateTimeOffset T0 = new(2012, 10, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Ingest_BridgingArticle_MergesStoriesAcrossSilosAndKeepsTheOlder()
    {
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        var caribbean = Assert.Single(await router.IngestAsync(new ArticleVersion
        {
            Id = "jm", Source = "bbc", Title = "Hurricane Sandy batters Jamaica and Cuba", Published = T0,
            Text = SandyTexts.Caribbean,
        }));
        var newYork = Assert.Single(await router.IngestAsync(new ArticleVersion
        {
            Id = "ny", Source = "cnn", Title = "Hurricane Sandy shuts New York subway", Published = T0.AddHours(30),
            Text = SandyTexts.NewYork,
        }));
        Assert.NotEqual(caribbean.StoryId, newYork.StoryId);

        var bridge = await router.IngestAsync(new ArticleVersion
        {
            Id = "wrap", Source = "ap", Title = "Hurricane Sandy: from Jamaica and Cuba to New York", Published = T0.AddHours(31),
            Text = SandyTexts.Caribbean + "\n\n" + SandyTexts.NewYork,
        });

        Assert.Equal(2, bridge.Length);
        Assert.Equal(StoryEventType.StoriesMerged, bridge[0].Type);
        Assert.Equal(caribbean.StoryId, bridge[0].StoryId);
        Assert.Equal([newYork.StoryId!], bridge[0].Absorbed!.Value);
        Assert.Equal(2, bridge[0].Sequence);
        Assert.Equal("wrap", bridge[1].ArticleId);
        Assert.Equal(caribbean.StoryId, bridge[1].StoryId);
        Assert.Equal(3, bridge[1].Sequence);

        var survivor = await fixture.Client.GetGrain<IStoryClusterGrain>(caribbean.StoryId!).GetSnapshotAsync();
        Assert.Equal(3, survivor!.Summary.VersionCount);
        Assert.Equal(["bbc", "cnn", "ap"], survivor.Summary.Sources);
        var absorbed = await fixture.Client.GetGrain<IStoryClusterGrain>(newYork.StoryId!).GetSnapshotAsync();
        Assert.Equal(caribbean.StoryId, absorbed!.Summary.MergedInto);

        // The same version of the absorbed story's article is now a duplicate in the survivor.
        var again = Assert.Single(await router.IngestAsync(new ArticleVersion
        {
            Id = "ny", Source = "cnn", Title = "Hurricane Sandy shuts New York subway", Published = T0.AddHours(30),
            Text = SandyTexts.NewYork,
        }));
        Assert.Equal(StoryEventType.Duplicate, again.Type);
        Assert.Equal(caribbean.StoryId, again.StoryId);

        // A version sent to the absorbed story itself (as an index that lost the merge would) goes to the survivor.
        var late = new ArticleAnalyzer().Analyze(new ArticleInput
        {
            Id = "ny-late", Source = "reuters", Title = "Sandy: New York subway to reopen in part", Published = T0.AddHours(40),
            Text = SandyTexts.NewYork + "\n\nThe subway will reopen in part on Thursday, the governor said.",
        });
        var forwarded = await fixture.Client.GetGrain<IStoryClusterWriterGrain>(newYork.StoryId!).AddVersionAsync(late.AsImmutable(), null);
        Assert.Equal(caribbean.StoryId, forwarded.StoryId);
        Assert.Equal("ny-late", forwarded.ArticleId);
        Assert.Equal(again.Sequence + 1, forwarded.Sequence);
        Assert.Equal(4, (await fixture.Client.GetGrain<IStoryClusterGrain>(caribbean.StoryId!).GetSnapshotAsync())!.Summary.VersionCount);
        Assert.Equal(1, (await fixture.Client.GetGrain<IStoryClusterGrain>(newYork.StoryId!).GetSnapshotAsync())!.Summary.VersionCount);
    }
}
