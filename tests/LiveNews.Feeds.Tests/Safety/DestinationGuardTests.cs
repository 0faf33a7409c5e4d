using System.Net;
using System.Net.Sockets;
using System.Text;
using LiveNews.Feeds.Safety;

namespace LiveNews.Feeds.Tests.Safety;

public class DestinationGuardTests
{
    [Fact]
    public async Task Connect_RefusesLoopbackUnlessAllowed()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var port = ((IPEndPoint)server.LocalEndpoint).Port;
        var serving = ServeOneAsync(server);

        using var refused = new HttpClient(new DestinationGuard(allowPrivate: false).CreateHandler());
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => refused.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"), TestContext.Current.CancellationToken));
        Assert.IsType<DestinationRefusedException>(error.InnerException);

        using var allowed = new HttpClient(new DestinationGuard(allowPrivate: true).CreateHandler());
        var body = await allowed.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"), TestContext.Current.CancellationToken);
        Assert.Equal("ok", body);
        await serving;
    }

    [Fact]
    public async Task Connect_RefusesAHostNameThatResolvesToAPrivateAddress()
    {
        var guard = new DestinationGuard(allowPrivate: false, resolve: (_, _) => Task.FromResult(new[] { IPAddress.Parse("10.0.0.7") }));
        using var client = new HttpClient(guard.CreateHandler());
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://intranet.example/feed"), TestContext.Current.CancellationToken));
        var refused = Assert.IsType<DestinationRefusedException>(error.InnerException);
        Assert.Contains("10.0.0.7", refused.Message, StringComparison.Ordinal);
    }

    private static async Task ServeOneAsync(TcpListener server)
    {
        using var client = await server.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        _ = await stream.ReadAsync(buffer);
        var response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        await stream.WriteAsync(response);
    }
}
