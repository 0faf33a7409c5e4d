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

    /// <summary>
    /// Embedded profile with several processes on one host: the silo port of the first (primary) silo
    /// to join; 0 when this silo is the primary.
    /// </summary>
    public int PrimarySiloPort { get; set; }

    /// <summary>
    /// Redis profile: the address other silos reach this one at (an IP or a host name); by default this
    /// host's first IPv4 address (a container's own address).
    /// </summary>
    public string? AdvertisedAddress { get; set; }
}
