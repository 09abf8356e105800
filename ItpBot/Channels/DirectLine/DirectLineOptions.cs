namespace ItpBot.Channels.DirectLine;

/// <summary>Configuration section "DirectLine": which Direct Line the Web Chat page uses, and the local one's limits.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>An Azure Bot Direct Line (or Web Chat) channel secret. Set: Azure mode. Empty: the host's own local Direct Line.</summary>
    public string? Secret { get; set; }

    /// <summary>Azure Direct Line's base address (regional endpoints differ; tests point it at a loopback fake).</summary>
    public Uri AzureBaseUrl { get; set; } = new("https://directline.botframework.com/");

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A stream URL's token only has to survive until the WebSocket is open.</summary>
    public TimeSpan StreamTokenLifetime { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    public int MaxConversations { get; set; } = 1000;

    /// <summary>Conversations one client (IP address) may hold at once, so one client cannot fill <see cref="MaxConversations"/>.</summary>
    public int MaxConversationsPerClient { get; set; } = 20;

    /// <summary>Open WebSocket streams per conversation, that is per token (Web Chat opens one; a reconnect may overlap).</summary>
    public int MaxStreamsPerConversation { get; set; } = 2;

    /// <summary>Open WebSocket streams per client (IP address).</summary>
    public int MaxStreamsPerClient { get; set; } = 40;

    public int MaxActivitiesPerConversation { get; set; } = 500;

    public int MaxActivityBytes { get; set; } = 64 * 1024;

    public string BotId { get; set; } = "itpbot";

    public string BotName { get; set; } = "ItpBot";

    public bool IsAzureMode => !string.IsNullOrWhiteSpace(Secret);
}
