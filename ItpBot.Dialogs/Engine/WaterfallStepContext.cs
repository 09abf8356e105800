namespace ItpBot.Dialogs.Engine;

/// <summary>What a waterfall step sees: where it is, what it was started with, and what the previous step produced.</summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parentWaterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parentWaterfall, DialogContext dc, object? options, IDictionary<string, object> values, int index, DialogReason reason, object? result)
        : base(dc)
    {
        _parentWaterfall = parentWaterfall;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    public int Index { get; }

    /// <summary>What the waterfall was started with.</summary>
    public object? Options { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's result: a prompt's answer, a child dialog's result, or the value given to NextAsync.</summary>
    public object? Result { get; }

    /// <summary>
    /// Kept across the waterfall's turns and persisted with it. Store simple values only (strings, numbers, bools,
    /// lists of those, JSON-friendly records) and read them with <see cref="StateValues.GetValue{T}"/>.
    /// </summary>
    public IDictionary<string, object> Values { get; }

    /// <summary>Skips to the next step now, handing it <paramref name="result"/> as if a prompt had answered.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of {_parentWaterfall.Id}.");
        }

        _nextCalled = true;
        return _parentWaterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}
