using LiveNews.Server.Api;
using LiveNews.Server.Demo;
using LiveNews.Server.Events;
using Scalar.AspNetCore;
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
        builder.Services.AddSingleton<ApiKeyFilter>();
        builder.Services.AddSingleton<ArticleIngestor>();
        builder.Services.AddProblemDetails();
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddHostedService<DemoStoryService>();
        builder.Services.AddSingleton(new RecentEventLog(builder.Configuration.GetValue("LiveNews:Events:Capacity", 10_000)));
        builder.Services.AddHostedService<StoryEventRelay>();
        builder.Services.AddSingleton<SseConnections>();
        builder.Services.AddOpenApi();
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
        return app;
    }
}
