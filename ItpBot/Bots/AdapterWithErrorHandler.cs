using ItpBot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;

namespace ItpBot.Bots;

/// <summary>
/// CoreBot's error-handling adapter: log the failure (never the message text: it is health data), tell the user,
/// and delete the conversation state so a broken dialog cannot trap the user in an error loop.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(
        BotFrameworkAuthentication auth,
        ILogger<AdapterWithErrorHandler> logger,
        ConversationState conversationState,
        IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware)
        : base(auth, logger)
    {
        // Channel middleware (e.g. AddTeamsChannel) registers itself in DI; the adapter runs it in registration order.
        foreach (var step in middleware)
        {
            Use(step);
        }

        OnTurnError = async (turnContext, exception) =>
        {
            if (exception is ConversationOverLimitException)
            {
                // Not a failure of the turn: the request is refused (429) before the bot did anything.
                throw exception;
            }

            logger.LogError(
                exception,
                "Unhandled error in a turn: {ExceptionType} on channel {ChannelId}, activity type {ActivityType}",
                exception.GetType().Name,
                turnContext.Activity.ChannelId,
                turnContext.Activity.Type);

            try
            {
                await turnContext.SendActivityAsync(
                    "Sorry, something went wrong on my side and I could not finish that. " +
                    "I have reset this conversation: please start again, or say \"help\".");
                await turnContext.TraceActivityAsync("OnTurnError Trace", exception.GetType().Name, "https://www.botframework.com/schemas/error", "TurnError");
            }
            catch (Exception sendError)
            {
                logger.LogError(sendError, "Could not tell the user about the error ({ExceptionType})", sendError.GetType().Name);
            }

            try
            {
                await conversationState.DeleteAsync(turnContext);
            }
            catch (Exception deleteError)
            {
                logger.LogError(deleteError, "Could not delete the broken conversation state ({ExceptionType})", deleteError.GetType().Name);
            }
        };
    }
}
