namespace ItpBot.Delivery;

/// <summary>
/// The channel refused or did not take a turn's replies after their retries (429, 403, 5xx, timeouts, network). The
/// turn's state was saved before the replies were sent, so the case is intact: the error handler keeps it.
/// </summary>
public sealed class ReplyNotDeliveredException(Exception cause)
    : Exception($"The channel did not take the turn's replies ({cause.GetType().Name}).", cause);
