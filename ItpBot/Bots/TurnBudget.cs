namespace ItpBot.Bots;

/// <summary>
/// The time a turn may take: one cancellation token for the turn, cancelled when the caller goes away, when the host
/// shuts down, or when the turn's time is spent (<c>Bot:TurnTimeout</c>). It flows into the adapter, the middleware,
/// the dialogs and the reading of the message, so shutdown does not wait for a long turn and one message cannot hold
/// a thread for minutes. <see cref="Current"/> lets the error handler tell a spent budget from a client that left.
/// </summary>
public sealed class TurnBudget : IDisposable
{
    private static readonly AsyncLocal<TurnBudget?> CurrentTurn = new();

    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;
    private readonly CancellationToken _stopping;

    private TurnBudget(CancellationToken caller, CancellationToken stopping, TimeSpan timeout)
    {
        _caller = caller;
        _stopping = stopping;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller, stopping);
        if (timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            _source.CancelAfter(timeout);
        }
    }

    /// <summary>The budget of the turn running on this async flow; null outside a budgeted turn.</summary>
    public static TurnBudget? Current => CurrentTurn.Value;

    public CancellationToken Token => _source.Token;

    /// <summary>The turn used up its time (neither the caller nor the host stopped it).</summary>
    public bool TimedOut => _source.IsCancellationRequested && !_caller.IsCancellationRequested && !_stopping.IsCancellationRequested;

    public string Reason =>
        _stopping.IsCancellationRequested ? "the host is shutting down"
        : _caller.IsCancellationRequested ? "the caller went away"
        : TimedOut ? "its time budget was spent"
        : "cancelled";

    /// <summary>Starts a budget and makes it <see cref="Current"/> for the calling async flow and what it awaits.</summary>
    public static TurnBudget Start(CancellationToken caller, CancellationToken stopping, TimeSpan timeout)
    {
        var budget = new TurnBudget(caller, stopping, timeout);
        CurrentTurn.Value = budget;
        return budget;
    }

    public void Dispose()
    {
        if (CurrentTurn.Value == this)
        {
            CurrentTurn.Value = null;
        }

        _source.Dispose();
    }
}
