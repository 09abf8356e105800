using ItpBot.Dialogs.Conversation;
using ItpBot.Storage;
using Microsoft.Bot.Builder;

namespace ItpBot.Bots;

public static class ItpBotServices
{
    /// <summary>
    /// The bot itself, without any channel: storage, state, the knowledge, the conversation and the IBot. The host
    /// adds its adapters and channels around it; the whole-bot tests run it over a TestAdapter, so both use this one list.
    /// </summary>
    public static IServiceCollection AddItpBot(this IServiceCollection services)
    {
        services.AddSingleton<IStorage, MemoryStorage>();
        services.AddSingleton<ConversationState, TrackedConversationState>();
        services.AddSingleton<UserState, TrackedUserState>();

        services.AddItpKnowledge();
        services.AddItpConversation();
        services.AddTransient<IBot, DialogAndWelcomeBot<MainDialog>>();
        return services;
    }
}
