using System.Globalization;
using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// A message that is only a number ("52", "52 years"), with nothing saying what it measures except, perhaps, years.
/// Before any question is asked, such a number is the answer to nothing yet.
/// </summary>
/// <param name="Value">The number.</param>
/// <param name="InYears">"52 years", "52 y": an age (or a duration), never a platelet count.</param>
public sealed partial record LoneNumber(double Value, bool InYears)
{
    /// <summary>The lone number a message is; null when it says anything else ("plt 52", "52k", "52M", "hello").</summary>
    public static LoneNumber? Read(string? text)
    {
        var normalized = UnderstandingText.Normalize(text).Trim(' ', '.', '!');
        return Only().Match(normalized) is { Success: true } match
            && double.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? new LoneNumber(value, match.Groups["years"].Success)
                : null;
    }

    /// <summary>
    /// A bare whole number an adult could be ("52", not "12", "150" or "8.5"): as likely the age as the count.
    /// </summary>
    public bool CouldBeCountOrAge =>
        !InYears && Value == Math.Floor(Value) && Value is >= DemographicsRecognizer.MinAge and <= DemographicsRecognizer.MaxAge;

    private static Regex Only() => Shape.Value;

    // The year words are the lexicon's (units.yaml).
    private static readonly Lazy<Regex> Shape = new(() => new Regex(
        @"^(?:it'?s |about |around )?(?<number>\d{1,4}(?:\.\d+)?)(?<years>\s*" + Reading.LexiconWords.Alternation(Reading.ReadingLexicon.Default, "unit", "year") + @"(?: old)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled));
}
