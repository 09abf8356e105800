using ItpBot.Bots;
using Microsoft.Bot.Builder;

namespace ItpBot.Security;

/// <summary>
/// An exception that failed a turn, with its message withheld: messages can quote what the user wrote (a parser's
/// "could not read '...'"), and the adapter's error handler logs the exception. Type names and stack traces stay,
/// which is what a developer needs to find the fault.
/// </summary>
public sealed class RedactedTurnException(Exception original)
    : Exception($"{original.GetType().FullName} (message withheld: it may quote what the user wrote){CauseChain(original)}")
{
    private readonly string? _stackTrace = original.StackTrace;

    public Type OriginalType { get; } = original.GetType();

    /// <summary>What kind of failure the original was, decided before its details are withheld.</summary>
    public TurnFailure Failure { get; } = TurnFailures.Of(original);

    public override string? StackTrace => _stackTrace;

    private static string CauseChain(Exception original)
    {
        var causes = new List<string>();
        for (var inner = original.InnerException; inner is not null; inner = inner.InnerException)
        {
            causes.Add(inner.GetType().FullName ?? inner.GetType().Name);
        }

        return causes.Count == 0 ? string.Empty : "; caused by " + string.Join(" <- ", causes);
    }
}

/// <summary>
/// Bot middleware that replaces a failing turn's exception with a <see cref="RedactedTurnException"/> before the
/// adapter's error handler logs it. Registered first, so it is the outermost middleware.
/// </summary>
public sealed class ExceptionRedactionMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        try
        {
            await next(cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or RedactedTurnException or ConversationOverLimitException))
        {
            throw new RedactedTurnException(e);
        }
    }
}
