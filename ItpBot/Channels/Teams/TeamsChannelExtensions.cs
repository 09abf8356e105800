namespace ItpBot.Channels.Teams;

public static class TeamsChannelExtensions
{
    /// <summary>
    /// Teams-safe turns: the bot's @mention is removed from incoming text; suggested actions never share a message with
    /// attachments; outgoing messages are kept under the Teams size limit. Registered as Bot Framework middleware, which
    /// the adapter uses in registration order (the separator before the size guard, so the guard sees the final messages).
    /// </summary>
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services)
    {
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, RemoveMentionMiddleware>();
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, SuggestedActionsSeparatorMiddleware>();
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, MessageSizeGuardMiddleware>();
        return services;
    }
}
