using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveNews.Server.Tests.Feeds;

/// <summary>A feed server on loopback: documents set by the test, ETags, 304s, and broken answers.</summary>
internal sealed class LoopbackFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, (string Body, int Status)> _documents = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    private LoopbackFeedServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests served, per path (to see conditional GETs).</summary>
    public List<(string Path, int Status)> Log { get; } = [];

    /// <summary>When each path was asked for (to see who polls, and how often).</summary>
    public List<(string Path, DateTimeOffset At)> Requests { get; } = [];

    public static async Task<LoopbackFeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackFeedServer(app);
        app.Run(server.ServeAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public void Set(string path, string body, int status = 200)
    {
        lock (_gate)
        {
            _documents[path] = (body, status);
        }
    }

    public Uri Url(string path) => new(BaseAddress, path);

    private async Task ServeAsync(HttpContext context)
    {
        (string Body, int Status) document;
        lock (_gate)
        {
            if (!_documents.TryGetValue(context.Request.Path.Value ?? "", out document))
            {
                document = ("not found", 404);
            }
        }

        var etag = "\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.Body)), 0, 8) + "\"";
        var status = document.Status;
        if (status == 200 && context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            status = 304;
        }

        lock (_gate)
        {
            Log.Add((context.Request.Path.Value ?? "", status));
            Requests.Add((context.Request.Path.Value ?? "", DateTimeOffset.UtcNow));
        }

        context.Response.StatusCode = status;
        if (status == 200)
        {
            context.Response.Headers.ETag = etag;
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(document.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
