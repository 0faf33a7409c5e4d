namespace LiveNews.Server.Hosting;

/// <summary>Orleans silo settings (configuration section "LiveNews:Silo").</summary>
public sealed class SiloOptions
{
    public const string Section = "LiveNews:Silo";

    public string ClusterId { get; set; } = "livenews";

    public string ServiceId { get; set; } = "livenews";

    /// <summary>Silo-to-silo port; 0 picks a free one.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port; 0 picks a free one.</summary>
    public int GatewayPort { get; set; } = 30000;
}
