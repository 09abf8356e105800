using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>, shown as suggested actions by default. Accepts
/// the value, a synonym, a position ("2", "the second one") or a close misspelling ("eltrombopg"), and ends with a
/// <see cref="FoundChoice"/>.
/// </summary>
public class ChoicePrompt : Prompt<FoundChoice>
{
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null)
        : base(dialogId, validator)
    {
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var found = ChoiceMatcher.Match(turnContext.Activity.Text, options.Choices!);
        return Task.FromResult(found is null
            ? PromptRecognizerResult<FoundChoice>.Failure()
            : PromptRecognizerResult<FoundChoice>.Success(found));
    }

    protected override void CheckOptions(PromptOptions options)
    {
        base.CheckOptions(options);
        if (options.Choices is not { Count: > 0 })
        {
            throw new ArgumentException($"{Id} needs at least one choice.", nameof(options));
        }
    }
}
