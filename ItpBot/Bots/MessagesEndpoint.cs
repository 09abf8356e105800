using ItpBot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace ItpBot.Bots;

/// <summary>POST /api/messages: the Bot Framework protocol endpoint.</summary>
public static class MessagesEndpoint
{
    public static async Task HandleAsync(HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, ConversationRateLimiter conversationLimit)
    {
        await adapter.ProcessAsync(http.Request, http.Response, conversationLimit.Guard(bot), http.RequestAborted);
    }
}
