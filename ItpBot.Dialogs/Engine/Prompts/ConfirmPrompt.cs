using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks a yes/no question, shown with "Yes" and "No" buttons unless other choices are given (the first then means
/// yes, the second no). Accepts the usual variants: y, yeah, yep, sure, correct, n, nope, no thanks, and answers that
/// begin with one ("yes, twice").
/// </summary>
public class ConfirmPrompt : Prompt<bool>
{
    private static readonly IList<Choice> YesNo = [new("Yes"), new("No")];

    // Longest first, so "not at all" is read before anything shorter could be.
    private static readonly (string Phrase, bool Value)[] Phrases =
        new[]
        {
            "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "correct", "right", "true",
            "affirmative", "absolutely", "definitely", "certainly", "indeed", "of course", "thats right",
            "thats correct", "yes please", "i do", "it is", "he does", "she does", "they do",
        }.Select(p => (p, true))
        .Concat(new[]
        {
            "no", "n", "nope", "nah", "no thanks", "no thank you", "not really", "not at all", "negative", "incorrect",
            "false", "wrong", "never", "i dont", "it isnt", "he doesnt", "she doesnt", "they dont", "none",
        }.Select(p => (p, false)))
        .OrderByDescending(p => p.Item1.Length)
        .ToArray();

    private readonly Func<string?, bool?>? _recognize;

    /// <param name="recognize">Read first: the caller's own words for yes or no ("looks right"); null when it has none.</param>
    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null, Func<string?, bool?>? recognize = null)
        : base(dialogId, validator)
    {
        _recognize = recognize;
    }

    protected override IList<Choice> ChoicesToShow(PromptOptions options) => options.Choices is { Count: 2 } choices ? choices : YesNo;

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        var answer = _recognize?.Invoke(text) ?? Recognize(text) ?? FromChoices(text, ChoicesToShow(options));
        return Task.FromResult(answer is bool value
            ? PromptRecognizerResult<bool>.Success(value)
            : PromptRecognizerResult<bool>.Failure());
    }

    private static bool? Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        foreach (var (phrase, value) in Phrases)
        {
            if (normalized == phrase || normalized.StartsWith(phrase + " ", StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static bool? FromChoices(string? text, IList<Choice> choices) =>
        ChoiceMatcher.MatchWhole(text, choices) is { } found ? found.Index == 0 : null;
}
