using System.Globalization;
using System.Numerics;
using Microsoft.Bot.Builder;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace ItpBot.Dialogs.Engine.Prompts;

/// <summary>
/// Accepts a number written in digits or words ("30", "30,000", "thirty thousand", "2.5"), English culture, and
/// returns the first one in the answer. For whole-number types a fraction is not understood rather than rounded.
/// </summary>
public class NumberPrompt<T> : Prompt<T>
    where T : struct, INumber<T>
{
    public NumberPrompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId, validator)
    {
    }

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        var found = string.IsNullOrWhiteSpace(text) ? null : NumberRecognizer.RecognizeNumber(text, Culture.English).FirstOrDefault();
        return Task.FromResult(found?.Resolution is { } resolution
            && resolution.TryGetValue("value", out var value)
            && TryConvert(value as string, out var number)
                ? PromptRecognizerResult<T>.Success(number)
                : PromptRecognizerResult<T>.Failure());
    }

    private static bool TryConvert(string? value, out T number)
    {
        number = default;
        if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        if (IsWholeNumberType && decimal.Truncate(parsed) != parsed)
        {
            return false;
        }

        try
        {
            number = T.CreateChecked(parsed);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    // Integer division is the one that turns a half into a whole number.
    private static bool IsWholeNumberType => T.IsInteger(T.One / (T.One + T.One));
}
