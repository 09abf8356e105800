using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Engine.Prompts;

/// <summary>How choices are shown with a prompt.</summary>
public enum ListStyle
{
    /// <summary>Not shown; the prompt text is expected to name them.</summary>
    None,

    /// <summary>As suggested-action buttons that post the choice's value back (imBack).</summary>
    SuggestedAction,

    /// <summary>As a numbered list appended to the prompt text.</summary>
    List,
}

/// <summary>
/// What a prompt says and accepts. Stored in the prompt's dialog state while it waits, so keep
/// <see cref="Validations"/> JSON-friendly.
/// </summary>
public class PromptOptions
{
    public Activity? Prompt { get; set; }

    /// <summary>Sent when an answer is not understood or not valid; the prompt is repeated if this is null.</summary>
    public Activity? RetryPrompt { get; set; }

    public IList<Choice>? Choices { get; set; }

    /// <summary>Defaults to <see cref="ListStyle.SuggestedAction"/>.</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Anything the validator needs (limits, for instance); handed to it as <see cref="PromptValidatorContext{T}.Options"/>.</summary>
    public object? Validations { get; set; }

    /// <summary>
    /// How many answers the user may give before the prompt gives up; null asks until answered. On the last allowed
    /// attempt the prompt also offers "Skip" and "Cancel". When it gives up it ends with a <see cref="PromptGaveUp"/>
    /// result instead of a value, and the caller decides what happens next.
    /// </summary>
    public int? MaxAttempts { get; set; }
}
