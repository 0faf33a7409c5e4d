using LiveNews.Grains.Hosting;
using Orleans.Configuration;

namespace LiveNews.Server.Hosting;

/// <summary>Sets up the Orleans silo for a hosting profile. Embedded (the default): one process, in-memory everything.</summary>
public static class LiveNewsSiloExtensions
{
    /// <summary>Adds the LiveNews silo (embedded profile) and the engine's services to a host.</summary>
    public static IHostApplicationBuilder AddLiveNewsSilo(this IHostApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var siloPort = silo.SiloPort == 0 ? FreePort.Next() : silo.SiloPort;
        var gatewayPort = silo.GatewayPort == 0 ? FreePort.Next() : silo.GatewayPort;

        builder.Services.AddSingleton(TimeProvider.System);
        builder.UseOrleans(orleans =>
        {
            var primary = silo.PrimarySiloPort > 0 ? new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, silo.PrimarySiloPort) : null;
            orleans.UseLocalhostClustering(siloPort, gatewayPort, primary, silo.ServiceId, silo.ClusterId);
            orleans.AddLiveNewsInMemoryProviders();
            orleans.AddLiveNewsGrains(builder.Configuration);
            orleans.Configure<ClusterMembershipOptions>(o => o.DefunctSiloCleanupPeriod = TimeSpan.FromMinutes(1));
        });
        return builder;
    }
}
