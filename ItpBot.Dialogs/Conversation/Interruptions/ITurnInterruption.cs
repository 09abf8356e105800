using ItpBot.Dialogs.Engine;

namespace ItpBot.Dialogs.Conversation.Interruptions;

/// <summary>
/// One kind of message that may interrupt whatever question is pending (an emergency, who is speaking, a command, a
/// question, a correction). The handlers run in a fixed order, and the first to return a result decides the turn.
/// </summary>
public interface ITurnInterruption
{
    /// <summary>The turn's outcome when this handler takes the message; null to pass it to the next handler.</summary>
    Task<DialogTurnResult?> HandleAsync(InterruptionContext context, CancellationToken cancellationToken);
}
