namespace ItpBot.Security;

/// <summary>Limits on what /api/messages accepts. Bound from the <c>Bot</c> configuration section.</summary>
public sealed class MessagesGuardSettings
{
    public const string Section = "Bot";

    /// <summary>Larger request bodies are refused with 413.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Longer message text is not processed; the user gets a polite reply asking for a shorter message.</summary>
    public int MaxTextLength { get; set; } = 20_000;

    /// <summary>Deeper JSON is refused with 400.</summary>
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>
    /// The most a turn may take, replies included; then it is cancelled and the user told. A turn is also cancelled
    /// when the caller goes away or the host shuts down.
    /// </summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

/// <summary>Per-client and per-conversation request limits. Bound from the <c>RateLimiting</c> configuration section.</summary>
public sealed class RateLimitingSettings
{
    public const string Section = "RateLimiting";

    /// <summary>Off for local load benchmarks.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per minute from one client IP address. Channels reach the bot through few addresses: keep it high.</summary>
    public int PermitsPerMinute { get; set; } = 6000;

    /// <summary>Requests per minute for one conversation id (a person types far fewer).</summary>
    public int ConversationPermitsPerMinute { get; set; } = 300;
}
