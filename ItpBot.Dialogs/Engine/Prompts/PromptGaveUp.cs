namespace ItpBot.Dialogs.Engine.Prompts;

public enum GaveUpReason
{
    /// <summary>The last allowed answer was still not understood or not valid.</summary>
    MaxAttemptsReached,

    /// <summary>The user chose "Skip" on the last attempt.</summary>
    Skipped,

    /// <summary>The user chose "Cancel" on the last attempt.</summary>
    Cancelled,
}

/// <summary>
/// The result a prompt ends with instead of a value when it gives up. The prompt says nothing more itself; the
/// caller decides (move on without the value, fall back to a default, end the dialog):
/// <code>if (stepContext.Result is PromptGaveUp gaveUp) { ... }</code>
/// </summary>
public sealed record PromptGaveUp(string PromptId, GaveUpReason Reason, int Attempts);

/// <summary>The way-out buttons offered on a prompt's last allowed attempt, and the words that choose them.</summary>
public static class PromptWayOut
{
    public const string Skip = "Skip";
    public const string Cancel = "Cancel";

    internal static readonly IReadOnlyList<Choice> Choices = [new(Skip), new(Cancel)];

    internal static GaveUpReason? Recognize(string? text) => TextNormalizer.Normalize(text) switch
    {
        "skip" or "skip it" or "skip this" or "pass" => GaveUpReason.Skipped,
        "cancel" or "stop" or "quit" => GaveUpReason.Cancelled,
        _ => null,
    };
}
