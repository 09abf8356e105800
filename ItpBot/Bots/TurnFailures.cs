using ItpBot.Delivery;
using ItpBot.Security;
using ItpBot.Storage;

namespace ItpBot.Bots;

public enum TurnFailure
{
    /// <summary>A fault in the bot or in what was stored: the conversation may be stuck, so it is reset.</summary>
    Fault,

    /// <summary>The channel did not take the replies; the state was saved before they were sent.</summary>
    ReplyNotDelivered,

    /// <summary>State storage did not answer; nothing can be recorded or reset until it does.</summary>
    StorageUnavailable,

    /// <summary>The turn was cancelled (request aborted, shutdown, or its time budget spent).</summary>
    Cancelled,
}

/// <summary>Sorts a failed turn's exception into what the error handler must do about it.</summary>
public static class TurnFailures
{
    public static TurnFailure Of(Exception exception)
    {
        if (exception is RedactedTurnException redacted)
        {
            return redacted.Failure;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StorageUnavailableException:
                    return TurnFailure.StorageUnavailable;
                case ReplyNotDeliveredException:
                    return TurnFailure.ReplyNotDelivered;
                case OperationCanceledException:
                    return TurnFailure.Cancelled;
            }
        }

        return TurnFailure.Fault;
    }
}
