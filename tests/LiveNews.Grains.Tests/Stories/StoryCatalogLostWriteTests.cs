using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using Orleans.Core.Internal;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>The catalog keeps its last stories when a write of its list was stored but its answer was lost.</summary>
public class StoryCatalogLostWriteTests(FaultyStorageClusterFixture fixture) : IClassFixture<FaultyStorageClusterFixture>
{
    [Fact]
    public async Task Catalog_WriteWhoseAnswerWasLost_StillListsLaterStoriesAfterReactivation()
    {
        var catalog = fixture.Client.GetGrain<IStoryCatalogGrain>(0);
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await catalog.UpsertAsync(Summary("lost-answer-a", at));

        // The catalog's timer writes the list, then writes it again after another story: that second write
        // is stored, but the grain sees it cancelled and keeps the first one's etag, so every later write
        // of the list meets an etag the storage no longer has.
        fixture.Storage.LoseAnswer("catalog", writesToPass: 1);
        Assert.True(await fixture.Storage.Answered.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        await catalog.UpsertAsync(Summary("lost-answer-a2", at.AddSeconds(30)));
        await fixture.Storage.AnswerLost.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await catalog.UpsertAsync(Summary("lost-answer-b", at.AddMinutes(1)));

        // Deactivation writes what came after; the next activation reads it back. (Asked of this grain: the
        // activation collector passes over a grain whose timer is running.)
        var readsBefore = fixture.Storage.Log.Count(line => line == "catalog: read");
        await catalog.AsReference<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        var list = await catalog.ListAsync(new StoryQuery { Text = "lost-answer" });

        Assert.Contains("catalog: InconsistentStateException", fixture.Storage.Log);
        Assert.True(fixture.Storage.Log.Count(line => line == "catalog: read") > readsBefore, "the catalog was not read back: " + string.Join(", ", fixture.Storage.Log));

        Assert.Equal(["lost-answer-b", "lost-answer-a2", "lost-answer-a"], list.Stories.Select(s => s.Id));
    }

    private static StorySummary Summary(string id, DateTimeOffset at) => new()
    {
        Id = id,
        Headline = "Headline of " + id,
        Sources = ["wire"],
        VersionCount = 1,
        Sequence = 1,
        CreatedAt = at,
        UpdatedAt = at,
    };
}
