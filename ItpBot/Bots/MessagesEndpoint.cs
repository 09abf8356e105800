using ItpBot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;

namespace ItpBot.Bots;

/// <summary>POST /api/messages: the Bot Framework protocol endpoint.</summary>
public static class MessagesEndpoint
{
    public static async Task HandleAsync(
        HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, ConversationRateLimiter conversationLimit,
        IHostApplicationLifetime lifetime, IOptions<MessagesGuardSettings> settings)
    {
        using var budget = TurnBudget.Start(http.RequestAborted, lifetime.ApplicationStopping, settings.Value.TurnTimeout);
        await adapter.ProcessAsync(http.Request, http.Response, conversationLimit.Guard(bot), budget.Token);
    }
}
