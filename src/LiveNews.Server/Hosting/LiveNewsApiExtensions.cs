using LiveNews.Server.Api;
using LiveNews.Server.Demo;
using LiveNews.Server.Events;
using LiveNews.Feeds.Fetching;
using LiveNews.Feeds.Polling;
using LiveNews.Feeds.Safety;
using Scalar.AspNetCore;
using Orleans.Dashboard;
using LiveNews.Server.Ingestion;

namespace LiveNews.Server.Hosting;

/// <summary>Services of the web side: API key, ingestion, the demo story.</summary>
public static class LiveNewsApiExtensions
{
    public static IHostApplicationBuilder AddLiveNewsApi(this IHostApplicationBuilder builder)
    {
        var configuredKey = builder.Configuration["LiveNews:ApiKey"];
        var generated = string.IsNullOrWhiteSpace(configuredKey);
        var key = generated ? ApiKeyStartup.NewKey() : configuredKey!.Trim();
        builder.Services.Configure<ApiKeyOptions>(o =>
        {
            o.Key = key;
            o.Generated = generated;
        });
        builder.Services.AddHostedService<ApiKeyStartup>();
        builder.Services.AddHostedService<ConfigurationCheck>();
        builder.Services.AddSingleton<ApiKeyFilter>();
        builder.Services.AddSingleton<OperatorKeyFilter>();
        builder.Services.AddSingleton<ArticleIngestor>();
        builder.Services.AddProblemDetails();
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddHostedService<DemoStoryService>();
        builder.Services.AddHostedService<PipelineWarmupService>();
        builder.Services.AddSingleton(new RecentEventLog(builder.Configuration.GetValue("LiveNews:Events:Capacity", 10_000)));
        builder.Services.AddSingleton(new EventRelayReadiness { EventsApiWait = builder.Configuration.GetValue("LiveNews:Events:RelayWait", TimeSpan.FromSeconds(10)) });
        builder.Services.AddHostedService<StoryEventRelay>();
        builder.Services.AddSingleton<SseConnections>();
        builder.Services.AddOpenApi();
        builder.AddLiveNewsFeeds();
        return builder;
    }

    /// <summary>Feed fetching (address guard, limits, retries), schedule options, configured subscriptions.</summary>
    public static IHostApplicationBuilder AddLiveNewsFeeds(this IHostApplicationBuilder builder)
    {
        var feeds = builder.Configuration.GetSection(FeedOptions.Section);
        builder.Services.Configure<FeedOptions>(feeds);
        builder.Services.Configure<PollScheduleOptions>(feeds.GetSection("Schedule"));
        var fetchOptions = feeds.GetSection("Fetch").Get<FeedFetcherOptions>() ?? new FeedFetcherOptions();
        var allowPrivate = feeds.GetValue<bool>("AllowPrivateAddresses");
        builder.Services.AddSingleton<DemoFeed>();
        builder.Services.AddHttpClient("feeds")
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                // The demo feed is served by this node itself: its own address is trusted.
                var demo = sp.GetRequiredService<DemoFeed>();
                return new DestinationGuard(allowPrivate, trusted: demo.IsOrigin).CreateHandler();
            })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<IFeedFetcher>(sp => new FeedFetcher(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("feeds"), fetchOptions, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<ConfiguredFeeds>();
        return builder;
    }

    public static WebApplication MapLiveNewsApi(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthApi();
        app.MapArticlesApi();
        app.MapStoriesApi();
        app.MapEventsApi();
        app.MapFeedsApi();
        app.MapWebhooksApi();
        app.MapPrometheusScrapingEndpoint("/metrics");
        if (app.Configuration.GetValue(LiveNewsSiloExtensions.OrleansDashboardKey, true))
        {
            app.MapOrleansDashboard("/orleans").AddEndpointFilter<OperatorKeyFilter>().ExcludeFromDescription();
        }

        app.MapGet("/demo/feed.xml", (DemoFeed feed) => TypedResults.Text(feed.Render(), "application/rss+xml", System.Text.Encoding.UTF8)).ExcludeFromDescription();
        return app;
    }
}
