using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace LiveNews.Server.Hosting;

/// <summary>Prints the generated API key at start-up, so a newcomer can use the write APIs.</summary>
internal sealed class ApiKeyStartup(IOptions<ApiKeyOptions> options, ILogger<ApiKeyStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Generated)
        {
            Log.GeneratedApiKey(logger, options.Value.Key);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A random key: 32 bytes, URL-safe base64.</summary>
    public static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
