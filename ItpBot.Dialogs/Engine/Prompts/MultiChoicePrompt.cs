using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Engine.Prompts;

/// <summary>
/// Asks the user to pick any number of <see cref="PromptOptions.Choices"/>: "a, b and c", "1 and 3", "all of them",
/// or "none" (an empty list). Every part of the answer must name a choice, otherwise the whole answer is asked again
/// rather than silently dropping the part that was not understood.
/// </summary>
public partial class MultiChoicePrompt : Prompt<IReadOnlyList<FoundChoice>>
{
    private static readonly HashSet<string> NoneWords = ["none", "none of them", "none of these", "nothing", "neither", "no", "nope"];
    private static readonly HashSet<string> AllWords = ["all", "all of them", "all of these", "everything", "both"];

    public MultiChoicePrompt(string dialogId, PromptValidator<IReadOnlyList<FoundChoice>>? validator = null)
        : base(dialogId, validator)
    {
    }

    protected override Task<PromptRecognizerResult<IReadOnlyList<FoundChoice>>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var found = Recognize(turnContext.Activity.Text, options.Choices!);
        return Task.FromResult(found is null
            ? PromptRecognizerResult<IReadOnlyList<FoundChoice>>.Failure()
            : PromptRecognizerResult<IReadOnlyList<FoundChoice>>.Success(found));
    }

    protected override void CheckOptions(PromptOptions options)
    {
        base.CheckOptions(options);
        if (options.Choices is not { Count: > 0 })
        {
            throw new ArgumentException($"{Id} needs at least one choice.", nameof(options));
        }
    }

    private static List<FoundChoice>? Recognize(string? text, IList<Choice> choices)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (NoneWords.Contains(normalized))
        {
            return [];
        }

        if (AllWords.Contains(normalized))
        {
            return choices.Select((c, i) => new FoundChoice(c.Value, i, 1.0)).ToList();
        }

        // A single choice whose own name contains "and" or a comma must not be split.
        if (ChoiceMatcher.MatchWhole(text, choices) is { } whole)
        {
            return [whole];
        }

        var found = new List<FoundChoice>();
        foreach (var part in Separators().Split(text!).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (ChoiceMatcher.Match(part, choices) is not { } choice)
            {
                return null;
            }

            if (found.All(f => f.Index != choice.Index))
            {
                found.Add(choice);
            }
        }

        return found.Count > 0 ? found : null;
    }

    [GeneratedRegex(@"\s*(?:,|;|\+|&|/|\band\b|\bplus\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();
}
