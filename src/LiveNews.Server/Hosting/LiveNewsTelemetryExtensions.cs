using LiveNews.Grains.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LiveNews.Server.Hosting;

/// <summary>
/// OpenTelemetry in one place: traces from LiveNews's own source and Orleans' (activity propagation is on
/// in the silo), ASP.NET Core and HttpClient; metrics from the LiveNews and Microsoft.Orleans meters,
/// ASP.NET Core, HttpClient and the runtime, scraped at /metrics (Prometheus); logs through OpenTelemetry
/// too. OTLP export is on when the standard OTEL_EXPORTER_OTLP_ENDPOINT is set, and follows the other
/// OTEL_* variables (protocol, headers, service name, resource attributes).
/// </summary>
public static class LiveNewsTelemetryExtensions
{
    public const string DefaultServiceName = "livenews";

    public static readonly string[] TraceSources = [LiveNewsTelemetry.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static readonly string[] Meters = [LiveNewsTelemetry.Name, "Microsoft.Orleans"];

    public static IHostApplicationBuilder AddLiveNewsTelemetry(this IHostApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r =>
            {
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
                {
                    r.AddService(DefaultServiceName, serviceInstanceId: Environment.MachineName);
                }
            })
            .WithTracing(t => t
                .AddSource(TraceSources)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperationsPath(context.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(Meters)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Probes and scrapes, which would only add noise to traces.</summary>
    private static bool IsOperationsPath(PathString path) =>
        path.StartsWithSegments("/metrics") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
