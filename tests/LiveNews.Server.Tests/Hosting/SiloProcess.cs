using System.Diagnostics;
using System.Globalization;
using LiveNews.Server.Hosting;

namespace LiveNews.Server.Tests.Hosting;

/// <summary>
/// A LiveNews.Server process (the built LiveNews.Server.dll) on loopback, with its settings in the
/// environment, as a container would run it. <see cref="Kill"/> sends SIGKILL: no shutdown, no goodbye.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private SiloProcess(Process process, int httpPort, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(90) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.ApiKey);
    }

    /// <summary>The silo-to-silo port (part of its Orleans address).</summary>
    public int SiloPort { get; }

    /// <summary>A client of this silo's HTTP API that sends the API key.</summary>
    public HttpClient Client { get; }

    /// <summary>What the process wrote (standard output and error), for diagnostics.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The built server, in the configuration these tests run in.</summary>
    public static string Application
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(LiveNews.Tests.Shared.Fixtures.RepositoryRoot, "src", "LiveNews.Server", "bin", configuration, "net10.0", "LiveNews.Server.dll");
        }
    }

    /// <summary>
    /// Starts a silo of the Redis profile's cluster <paramref name="clusterId"/> and waits until it is ready;
    /// on <paramref name="siloPort"/> when given (a restarted silo on its predecessor's address supersedes it
    /// at once, as a container restarted in place does; on a new address it waits until the old is declared dead).
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string redis, string clusterId, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken, int? siloPort = null)
    {
        Assert.True(File.Exists(Application), $"{Application} is not built");
        var httpPort = FreePort.Next();
        siloPort ??= FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Application)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Application);
        var environment = new Dictionary<string, string>(settings)
        {
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["LiveNews__ApiKey"] = ServerFixture.ApiKey,
            ["LiveNews__Redis"] = redis,
            ["LiveNews__Silo__ClusterId"] = clusterId,
            ["LiveNews__Silo__ServiceId"] = clusterId,
            ["LiveNews__Silo__AdvertisedAddress"] = "127.0.0.1",
            ["LiveNews__Silo__SiloPort"] = siloPort.Value.ToString(CultureInfo.InvariantCulture),
            ["LiveNews__Silo__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["LiveNews__Demo__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var silo = new SiloProcess(process, httpPort, siloPort.Value);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the silo exited with code {process.ExitCode}:\n{silo.Output}");
            }

            try
            {
                using var answer = await silo.Client.GetAsync(new Uri("/readyz", UriKind.Relative), deadline.Token);
                if (answer.IsSuccessStatusCode)
                {
                    return silo;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the silo was not ready within two minutes:\n{silo.Output}");
            }

            await Task.Delay(200, deadline.Token);
        }
    }

    /// <summary>SIGKILL: the process ends at once, as a crashed container does.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
