using LiveNews.Server.Hosting;

namespace LiveNews.Server.Tests.Hosting;

public class IndexJournalSettingTests
{
    [Fact]
    public void EmbeddedProfile_AskedForTheIndexJournal_RefusesToStart_NamingTheSetting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => LiveNewsApp.Build([], builder =>
        {
            builder.Configuration[LiveNewsSiloExtensions.IndexJournalKey] = "true";
            builder.Configuration["LiveNews:Silo:SiloPort"] = "0";
            builder.Configuration["LiveNews:Silo:GatewayPort"] = "0";
        }));

        Assert.Contains("LiveNews:Stories:IndexJournal", refused.Message, StringComparison.Ordinal);
        Assert.Contains(LiveNewsSiloExtensions.RedisKey, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbeddedProfile_WithTheJournalOff_Starts()
    {
        await using var node = await TestNode.StartAsync(new Dictionary<string, string> { [LiveNewsSiloExtensions.IndexJournalKey] = "false" });
        Assert.Equal("ready", await node.Client.GetStringAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken));
    }
}
