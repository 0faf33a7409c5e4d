using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace LiveNews.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public class OperationsApiTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_ChecksTheSiloAndStorage()
    {
        using var client = server.CreateClient();
        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("ok", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative), Ct));
    }

    [Fact]
    public async Task OrleansDashboard_NeedsTheKey_AsHeaderOrBasicPassword()
    {
        using var anonymous = server.CreateClient();
        var refused = await anonymous.GetAsync(new Uri("/orleans/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.StartsWith("Basic", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        using var wrong = server.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:not-the-key")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(new Uri("/orleans/", UriKind.Relative), Ct)).StatusCode);

        using var browser = server.CreateClient();
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:" + ServerFixture.ApiKey)));
        var page = await browser.GetAsync(new Uri("/orleans/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);

        using var tool = server.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.OK, (await tool.GetAsync(new Uri("/orleans/", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Metrics_ServesThePrometheusFormat()
    {
        using var client = server.CreateClient();
        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
