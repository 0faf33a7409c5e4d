namespace LiveNews.Grains.Webhooks;

/// <summary>Webhook delivery settings (configuration section "LiveNews:Webhooks").</summary>
public sealed class WebhookOptions
{
    public const string Section = "LiveNews:Webhooks";

    /// <summary>
    /// Delay before each attempt of a message: the first is immediate, then retries after 5 s, 5 min,
    /// 30 min, 2 h, 5 h, 10 h and 10 h (the Standard Webhooks schedule). Tests compress it.
    /// </summary>
    public TimeSpan[] RetrySchedule { get; set; } =
    [
        TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>Each retry delay is spread by up to this fraction either way, so receivers are not hit in waves.</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>How long one attempt may take, connection and answer included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest Retry-After honoured (429, 502, 503, 504); longer asks are cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(10);

    /// <summary>An endpoint failing without a single success for this long is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long a rotated-out secret keeps signing beside the new one.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Messages an endpoint holds undelivered; beyond it the oldest are dropped (and logged).</summary>
    public int MaxPending { get; set; } = 1000;

    /// <summary>Attempts kept in each endpoint's delivery log.</summary>
    public int MaxLogEntries { get; set; } = 500;

    /// <summary>Finished messages kept for manual redelivery.</summary>
    public int MaxRecentMessages { get; set; } = 200;

    /// <summary>Bytes of an error answer kept in the log.</summary>
    public int MaxErrorBodyBytes { get; set; } = 512;

    /// <summary>Allows endpoints on loopback and private addresses (tests, trusted networks).</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>How often the reminder that revives an endpoint with pending messages fires (after a failover).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
