using ItpBot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;
using ItpBot.Telemetry;

namespace ItpBot.Bots;

/// <summary>
/// CoreBot's error-handling adapter: log the failure (never the message text: it is health data) and tell the user
/// what really happened. Only a fault of the bot resets the conversation, and the user is told of a reset only once
/// it has happened. A reply the channel refused, or storage that did not answer, keeps the case: its state was saved
/// before the replies were sent, or could not be touched at all.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public const string ResetReply =
        "Sorry, something went wrong on my side and I could not finish that. " +
        "I have reset this conversation: please start again, or say \"help\".";

    public const string StorageUnavailableReply = "I could not reach my storage; please try again shortly.";

    public const string NotResetReply =
        "Sorry, something went wrong on my side and I could not finish that. " +
        "I could not reach my storage to reset this conversation; please try again shortly.";

    public const string NotDeliveredReply =
        "Sorry, part of my last answer may not have reached you. Your case is kept: send your last message again, or say \"help\".";

    public const string TooSlowReply =
        "Sorry, that took me too long and I stopped. Nothing was recorded: please try again, or send the details one at a time.";

    public AdapterWithErrorHandler(
        BotFrameworkAuthentication auth,
        ILogger<AdapterWithErrorHandler> logger,
        ConversationState conversationState,
        IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware)
        : base(auth, new SdkAdapterLogger(logger))
    {
        // The one ordered middleware list (TurnMiddleware.AddTurnMiddleware), in registration order.
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

            var channel = turnContext.Activity.ChannelId;
            var type = turnContext.Activity.Type;
            switch (TurnFailures.Of(exception))
            {
                case TurnFailure.ReplyNotDelivered:
                    // The channel is refusing (503/429/403) or unreachable: the case is saved, keep it.
                    logger.LogWarning(
                        "The channel did not take a turn's replies; the conversation state is kept ({ExceptionType} on channel {ChannelId}, activity type {ActivityType})",
                        exception.GetType().Name, channel, type);
                    await TellAsync(turnContext, NotDeliveredReply, logger);
                    return;

                case TurnFailure.StorageUnavailable:
                    logger.LogError(exception, "State storage did not answer during a turn on channel {ChannelId}, activity type {ActivityType}; nothing was reset", channel, type);
                    await TellAsync(turnContext, StorageUnavailableReply, logger);
                    return;

                case TurnFailure.Cancelled:
                    logger.LogWarning("A turn was stopped on channel {ChannelId}, activity type {ActivityType}: {Reason}", channel, type, TurnBudget.Current?.Reason ?? "cancelled");
                    if (TurnBudget.Current is { TimedOut: true })
                    {
                        await TellAsync(turnContext, TooSlowReply, logger);
                    }

                    return;
            }

            logger.LogError(
                exception,
                "Unhandled error in a turn: {ExceptionType} on channel {ChannelId}, activity type {ActivityType}",
                exception.GetType().Name,
                channel,
                type);

            // Reset first, then say so: a reset that did not happen is never announced.
            bool reset;
            try
            {
                await conversationState.DeleteAsync(turnContext);
                reset = true;
            }
            catch (Exception deleteError)
            {
                logger.LogError(deleteError, "Could not delete the broken conversation state ({ExceptionType})", deleteError.GetType().Name);
                reset = false;
            }

            if (await TellAsync(turnContext, reset ? ResetReply : NotResetReply, logger))
            {
                try
                {
                    await turnContext.TraceActivityAsync("OnTurnError Trace", exception.GetType().Name, "https://www.botframework.com/schemas/error", "TurnError");
                }
                catch (Exception traceError)
                {
                    logger.LogWarning("Could not send the error trace ({ExceptionType})", traceError.GetType().Name);
                }
            }
        };
    }

    private static async Task<bool> TellAsync(ITurnContext turnContext, string text, ILogger logger)
    {
        try
        {
            await turnContext.SendActivityAsync(text);
            return true;
        }
        catch (Exception sendError)
        {
            logger.LogError("Could not tell the user about the error ({ExceptionType})", sendError.GetType().Name);
            return false;
        }
    }
}
