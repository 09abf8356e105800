using ItpBot.Delivery;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Storage;

/// <summary>
/// The Bot Framework scale-out pattern: replies are held back while the turn runs, state is saved, and only then are
/// the replies sent. If another turn on the same conversation saved first (<see cref="StateConflictException"/>),
/// the held replies are dropped, state is read again and the turn runs again, so no answer is lost and the user never
/// sees replies computed from state that was thrown away. A turn that still conflicts after
/// <see cref="StorageSettings.MaxTurnAttempts"/> is answered with a request to send the message again (not passed to
/// the adapter's error handler, which would delete the conversation).
/// A conflict whose turn is nevertheless recorded as applied in the state read back (<see cref="AppliedTurns"/>: our
/// write was stored, its answer lost, and another turn wrote over it) is not run again: its held replies are sent.
/// Held replies get placeholder resource ids, and <see cref="ITurnContext.Responded"/> stays false until they are
/// released: bot code must not rely on either during the turn.
/// </summary>
public sealed class StateConflictRetryMiddleware(
    ConversationState conversationState,
    UserState userState,
    StorageSettings settings,
    ILogger<StateConflictRetryMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var held = new HeldReplies();
        turnContext.OnSendActivities(held.HandleAsync);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                try
                {
                    await next(cancellationToken);
                    await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
                    await userState.SaveChangesAsync(turnContext, false, cancellationToken);
                    break;
                }
                catch (StateConflictException)
                {
                    await conversationState.LoadAsync(turnContext, true, cancellationToken);
                    if (WasApplied(turnContext))
                    {
                        // This attempt's write was stored, only its answer was lost (see AppliedTurns): running the turn
                        // again would apply the answer twice. Its held replies are the ones computed from the state that
                        // was stored, so they are sent: the user sees the answer to their message exactly once.
                        logger.LogInformation(
                            "State write of turn attempt {Attempt} on channel {ChannelId} was stored although reported as a conflict; not running the turn again",
                            attempt,
                            turnContext.Activity.ChannelId);
                        await KeepUserStateAsync(turnContext, cancellationToken);
                        break;
                    }

                    held.Discard();
                    if (attempt >= settings.MaxTurnAttempts)
                    {
                        logger.LogWarning(
                            "State kept changing under {Attempts} attempts of a turn on channel {ChannelId}; asked the user to resend",
                            attempt,
                            turnContext.Activity.ChannelId);
                        await held.ReleaseAsync(turnContext, cancellationToken);
                        await turnContext.SendActivityAsync(BusyReply, cancellationToken: cancellationToken);
                        return;
                    }

                    logger.LogInformation(
                        "State changed under turn attempt {Attempt} on channel {ChannelId}; running the turn again",
                        attempt,
                        turnContext.Activity.ChannelId);
                    await Task.Delay(Backoff(attempt), cancellationToken);
                    await conversationState.LoadAsync(turnContext, true, cancellationToken);
                    await userState.LoadAsync(turnContext, true, cancellationToken);
                }
            }
            catch
            {
                // The adapter's error handler must be able to reach the user; half a failed turn must not.
                held.Discard();
                await held.ReleaseAsync(turnContext, cancellationToken);
                throw;
            }
        }

        try
        {
            await held.ReleaseAsync(turnContext, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The state is saved; only the channel failed. The error handler must not treat this as a broken turn.
            throw new ReplyNotDeliveredException(e);
        }
    }

    private bool WasApplied(ITurnContext turnContext) =>
        conversationState is TrackedConversationState tracked && tracked.HasApplied(turnContext);

    /// <summary>
    /// Saves the user state of a turn whose conversation state was stored. If that too changed meanwhile, the turn
    /// cannot be run again for it (its answer is applied): the user's settings keep the other turn's version.
    /// </summary>
    private async Task KeepUserStateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await userState.SaveChangesAsync(turnContext, false, cancellationToken);
        }
        catch (StateConflictException)
        {
            logger.LogWarning(
                "User state changed under an applied turn on channel {ChannelId}; the turn's change to it was not kept",
                turnContext.Activity.ChannelId);
            await userState.LoadAsync(turnContext, true, cancellationToken);
        }
    }

    public const string BusyReply =
        "Sorry, I could not record that because this conversation was busy. Please send your last message again.";

    // Jitter keeps two hosts that collided from colliding again in lockstep.
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * Math.Min(attempt, 5));

    /// <summary>Replies of the current attempt; passed on to the channel only once the turn's state is saved.</summary>
    private sealed class HeldReplies
    {
        private readonly List<Activity> _activities = [];
        private bool _holding = true;

        public async Task<ResourceResponse[]> HandleAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
        {
            if (!_holding)
            {
                return await next();
            }

            lock (_activities)
            {
                _activities.AddRange(activities);
            }

            return activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray();
        }

        public void Discard()
        {
            lock (_activities)
            {
                _activities.Clear();
            }
        }

        public async Task ReleaseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            _holding = false;
            Activity[] toSend;
            lock (_activities)
            {
                toSend = [.. _activities];
                _activities.Clear();
            }

            if (toSend.Length > 0)
            {
                await turnContext.SendActivitiesAsync(toSend, cancellationToken);
            }
        }
    }
}
