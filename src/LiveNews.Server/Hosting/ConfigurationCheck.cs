namespace LiveNews.Server.Hosting;

/// <summary>Warns at start-up about "LiveNews:..." settings that LiveNews does not read (a misspelt key would otherwise be ignored).</summary>
internal sealed partial class ConfigurationCheck(IConfiguration configuration, ILogger<ConfigurationCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var key in ConfigurationCatalog.UnknownLiveNewsKeys(configuration))
        {
            LogUnknownKey(logger, key);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 70, Level = LogLevel.Warning, Message = "Configuration key {Key} is not one LiveNews reads; check its spelling")]
    private static partial void LogUnknownKey(ILogger logger, string key);
}
