namespace LiveNews.Server.Hosting;

/// <summary>Builds the LiveNews web application (silo + API): used by Program and by tests.</summary>
public static class LiveNewsApp
{
    /// <summary>
    /// Creates the application; <paramref name="configure"/> may add configuration before the services
    /// are added, <paramref name="replaceServices"/> may change them afterwards (tests).
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, Action<IServiceCollection>? replaceServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        builder.AddLiveNewsTelemetry();
        builder.AddLiveNewsSilo();
        builder.AddLiveNewsApi();
        replaceServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapLiveNewsApi();
        return app;
    }
}
