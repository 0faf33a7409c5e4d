namespace LiveNews.Server.Hosting;

/// <summary>Source-generated log messages of the server.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No API key configured (LiveNews:ApiKey); generated one for this run: {ApiKey}")]
    public static partial void GeneratedApiKey(ILogger logger, string apiKey);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Demo: replaying {Count} versions of the bundled developing story, one every {Interval}")]
    public static partial void DemoStarting(ILogger logger, int count, TimeSpan interval);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Demo: {ArticleId} -> {EventType} {StoryId}")]
    public static partial void DemoIngested(ILogger logger, string articleId, string eventType, string? storyId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Demo: could not ingest {ArticleId}")]
    public static partial void DemoFailed(ILogger logger, Exception exception, string articleId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Demo: no demo data at {Path}")]
    public static partial void DemoMissing(ILogger logger, string path);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Articles: line {Line} was not taken (the cluster could not take it now); the client is told to send it again")]
    public static partial void IngestFailed(ILogger logger, long line, Exception exception);
}
