using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using LiveNews.Server.Hosting;
using LiveNews.Server.Tests.Events;

namespace LiveNews.Server.Tests.Hosting;

/// <summary>
/// deploy/run-local.sh, the compose stand-in: Redis, three silos in the Redis profile and nginx on
/// loopback. A story event posted through the load balancer reaches an SSE client that is also connected
/// through the load balancer.
/// </summary>
public sealed class LocalDeploymentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunLocal_ThreeSilosBehindNginx_DeliverAStoryEventToAnSseClient()
    {
        var missing = new[] { "/usr/sbin/nginx", "/usr/bin/redis-server", "/usr/bin/curl" }.Where(p => !File.Exists(p)).ToList();
        Assert.SkipWhen(missing.Count > 0 && Environment.GetEnvironmentVariable("CI") != "true",
            $"not installed here: {string.Join(", ", missing)} (apt-get install nginx redis-server curl)");

        var root = LiveNews.Tests.Shared.Fixtures.RepositoryRoot;
        var app = SiloProcess.Application;
        Assert.True(File.Exists(app), $"{app} is not built");
        var state = Directory.CreateTempSubdirectory("livenews-local-").FullName;
        var lbPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["LIVENEWS_STATE_DIR"] = state,
            ["LIVENEWS_APP"] = app,
            ["LIVENEWS_API_KEY"] = ServerFixture.ApiKey,
            ["LIVENEWS_LB_PORT"] = lbPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LIVENEWS_REDIS_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LIVENEWS_HTTP_PORT"] = FreeRun(3).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LIVENEWS_SILO_PORT"] = FreeRun(3).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LIVENEWS_GATEWAY_PORT"] = FreeRun(3).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        try
        {
            var (code, output) = await RunScriptAsync(root, "start", environment, TimeSpan.FromMinutes(4));
            Assert.True(code == 0, $"run-local.sh start failed ({code}):\n{output}");

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{lbPort}"), Timeout = TimeSpan.FromSeconds(60) };
            Assert.Equal("ready", await client.GetStringAsync(new Uri("/readyz", UriKind.Relative), Ct));
            var tag = "Local" + Guid.NewGuid().ToString("N")[..6];
            await using var events = await SseReader.OpenAsync(client, $"/api/events?q={tag}", cancellationToken: Ct);

            using var writer = new HttpClient { BaseAddress = client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            writer.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.ApiKey);
            var posted = await writer.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), new[]
            {
                new { id = tag + "-1", source = "wire", title = $"{tag} tram derails in the old town", text = $"A {tag} tram derailed in the old town on Monday; nobody was hurt, the operator said." },
            }, Ct);
            posted.EnsureSuccessStatusCode();

            var received = await events.NextAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(received);
            Assert.Equal("StoryCreated", received.Type);
            Assert.Contains(tag + "-1", received.Data, StringComparison.Ordinal);
        }
        finally
        {
            var (_, stopOutput) = await RunScriptAsync(root, "stop", environment, TimeSpan.FromMinutes(2));
            TestContext.Current.SendDiagnosticMessage(stopOutput);
            try
            {
                Directory.Delete(state, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The first of <paramref name="count"/> consecutive free ports.</summary>
    private static int FreeRun(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = FreePort.Next();
            if (first + count < 65535 && Enumerable.Range(first + 1, count - 1).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free ports");
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<(int Code, string Output)> RunScriptAsync(string root, string command, Dictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(root, "deploy", "run-local.sh"));
        start.ArgumentList.Add(command);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out\n" + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
