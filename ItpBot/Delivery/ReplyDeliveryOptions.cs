namespace ItpBot.Delivery;

/// <summary>Settings for the outbound reply path (configuration section <c>Delivery</c>).</summary>
public sealed class ReplyDeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>
    /// Reuse one ConnectorClient per (serviceUrl, audience, bot identity) and one UserTokenClient per bot identity.
    /// False falls back to the SDK's clients-per-turn path; it exists so the load benchmark can measure the difference.
    /// </summary>
    public bool ReuseConnectorClients { get; set; } = true;

    /// <summary>Retries after the first attempt for 408, 429, 5xx, network errors and attempt timeouts.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base of the exponential backoff; jitter is added to it.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one POST to the connector may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound for one reply including all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Bound on cached clients. serviceUrl comes from the inbound activity, so an anonymous host must not let a
    /// caller grow the cache without limit.
    /// </summary>
    public int MaxCachedClients { get; set; } = 256;

    /// <summary>Polly refuses timeouts under 10 ms; better to say so at start-up than at the first reply.</summary>
    internal bool IsValid =>
        MaxRetries >= 0 && MaxCachedClients > 0 && FirstRetryDelay >= TimeSpan.Zero
        && AttemptTimeout >= TimeSpan.FromMilliseconds(10) && TotalTimeout >= TimeSpan.FromMilliseconds(10);
}
