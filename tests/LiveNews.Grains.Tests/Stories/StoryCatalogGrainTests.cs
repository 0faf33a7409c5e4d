using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>The story list is written off the grain's turn, and read back after a deactivation.</summary>
[Collection(ClusterCollection.Name)]
public class StoryCatalogGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Catalog_Reactivated_ListsTheSameStories()
    {
        var prefix = "catalog-" + Guid.NewGuid().ToString("N")[..6];
        var catalog = fixture.Client.GetGrain<IStoryCatalogGrain>(0);
        var start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 3; i++)
        {
            await catalog.UpsertAsync(Summary(prefix, i, start.AddMinutes(i)));
        }

        // Upserts are one-way: a call that answers comes after them, so they are in before the grain goes.
        // Deactivation writes the list (with in-memory storage nothing else does); the next call reads it back
        // into a new activation.
        await catalog.CountAsync();
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);

        var list = await catalog.ListAsync(new StoryQuery { Text = prefix });
        Assert.Equal([prefix + "-2", prefix + "-1", prefix + "-0"], list.Stories.Select(s => s.Id));
        Assert.Equal("Headline 1 " + prefix, list.Stories[1].Headline);
        Assert.Equal(["wire", "paper"], list.Stories[1].Sources);

        // A later version of a story replaces its summary, an older one does not.
        await catalog.UpsertAsync(Summary(prefix, 0, start.AddMinutes(10)) with { Sequence = 5, VersionCount = 4 });
        await catalog.UpsertAsync(Summary(prefix, 0, start.AddMinutes(11)) with { Sequence = 3 });
        await catalog.CountAsync();
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        list = await catalog.ListAsync(new StoryQuery { Text = prefix });
        Assert.Equal(prefix + "-0", list.Stories[0].Id);
        Assert.Equal(4, list.Stories[0].VersionCount);
    }

    private static StorySummary Summary(string prefix, int i, DateTimeOffset at) => new()
    {
        Id = prefix + "-" + i,
        Headline = "Headline " + i + " " + prefix,
        Sources = ["wire", "paper"],
        VersionCount = 1,
        Sequence = 1,
        CreatedAt = at,
        UpdatedAt = at,
    };
}
