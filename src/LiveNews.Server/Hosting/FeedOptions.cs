using LiveNews.Abstractions.Contracts;

namespace LiveNews.Server.Hosting;

/// <summary>Feed settings (configuration "LiveNews:Feeds").</summary>
public sealed class FeedOptions
{
    public const string Section = "LiveNews:Feeds";

    /// <summary>Allow feed URLs on loopback and private networks (trusted setups and tests only).</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Feeds subscribed at start-up.</summary>
    public List<FeedSubscription> Subscriptions { get; set; } = [];
}
