namespace ItpBot.Channels.Teams;

public static class TeamsChannelExtensions
{
    /// <summary>
    /// Teams-safe turns: the bot's @mention is removed from incoming text, and outgoing messages are kept under the
    /// Teams size limit. Registered as Bot Framework middleware, which the adapter uses in registration order.
    /// </summary>
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services)
    {
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, RemoveMentionMiddleware>();
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, MessageSizeGuardMiddleware>();
        return services;
    }
}
