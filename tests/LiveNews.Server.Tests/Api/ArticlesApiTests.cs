using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LiveNews.Abstractions.Contracts;
using LiveNews.Tests.Shared;

namespace LiveNews.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public class ArticlesApiTests(ServerFixture server)
{
    private static StringContent Jsonl(string body) => new(body, Encoding.UTF8, "application/x-ndjson");

    [Fact]
    public async Task Post_WithoutApiKey_Is401()
    {
        using var client = server.CreateClient();
        var response = await client.PostAsync(new Uri("/api/articles", UriKind.Relative), Jsonl("""{"id":"x","title":"t","text":"b"}"""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithWrongApiKey_Is401()
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        var response = await client.PostAsync(new Uri("/api/articles", UriKind.Relative), Jsonl("""{"id":"x","title":"t","text":"b"}"""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_Jsonl_RoutesEachVersionAndReportsBrokenLines()
    {
        using var client = server.CreateAuthorizedClient();
        var prefix = "api-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var lines = File.ReadAllLines(Fixtures.SeedsJsonl)
            .Select(l => l.Replace("\"id\": \"", "\"id\": \"" + prefix, StringComparison.Ordinal))
            .ToList();
        lines.Insert(2, "{ this is not json");
        var response = await client.PostAsync(new Uri("/api/articles", UriKind.Relative), Jsonl(string.Join('\n', lines)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal(5, root.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(root.GetProperty("rejected").EnumerateArray());
        Assert.Equal(3, rejected.GetProperty("line").GetInt64());
        Assert.StartsWith("not valid JSON", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var events = root.GetProperty("events").EnumerateArray()
            .Where(e => !e.GetProperty("articleId").GetString()!.Contains('#', StringComparison.Ordinal)).ToList();
        Assert.Equal(5, events.Count);
        Assert.Single(events.Select(e => e.GetProperty("storyId").GetString()).Distinct());
        Assert.Equal("StoryCreated", events[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Post_JsonArray_IsAccepted()
    {
        using var client = server.CreateAuthorizedClient();
        var id = "array-" + Guid.NewGuid().ToString("N")[..6];
        var response = await client.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), new[]
        {
            new { id, source = "wire", title = "Volcano erupts on Iceland's Reykjanes peninsula " + id, text = "A volcano erupted on the Reykjanes peninsula in Iceland on Monday night, the Icelandic Met Office said." },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, json.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(id, json.RootElement.GetProperty("events")[0].GetProperty("articleId").GetString());
    }

    [Theory]
    [InlineData("""{"source":"x","text":"no id"}""", "'id' is missing or empty")]
    [InlineData("""{"id":"a"}""", "the article has no 'title', 'text' or 'html'")]
    [InlineData("""{"id":"a","text":"t","published":"yesterday"}""", "'published' is not an ISO 8601 date: 'yesterday'")]
    [InlineData("""{"id":"a","text":5}""", "'text' must be a string or null, found Number")]
    [InlineData("""[1,2""", "not a valid JSON array")]
    public async Task Post_InvalidArticle_IsRejectedWithAReason(string body, string reason)
    {
        using var client = server.CreateAuthorizedClient();
        var response = await client.PostAsync(new Uri("/api/articles", UriKind.Relative), Jsonl(body), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Contains("\"accepted\":0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EmptyBody_Is400()
    {
        using var client = server.CreateAuthorizedClient();
        var response = await client.PostAsync(new Uri("/api/articles", UriKind.Relative), Jsonl("\n\n"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_OversizedBody_Is413()
    {
        using var client = server.CreateAuthorizedClient();
        var big = new string('x', LiveNews.Server.Api.ArticlesApi.MaxBodyBytes + 10);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/articles", UriKind.Relative)) { Content = Jsonl(big) };
        request.Headers.ExpectContinue = true; // the server answers before the body is sent
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
