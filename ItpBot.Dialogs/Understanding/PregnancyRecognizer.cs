using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Pregnant or not, and the gestation in weeks when written.</summary>
public sealed record PregnancyStatus(bool Pregnant, int? GestationWeeks = null);

/// <summary>"pregnant", "28 weeks pregnant", "28/40", "not pregnant", "postpartum".</summary>
public sealed partial class PregnancyRecognizer
{
    public const int MaxGestationWeeks = 44;

    public PregnancyStatus? FindInText(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        if (NotPregnant().IsMatch(normalized))
        {
            return new PregnancyStatus(false);
        }

        var weeks = GestationWeeks(normalized);
        foreach (Match match in Pregnant().Matches(normalized))
        {
            if (Negation.IsNegated(normalized, match.Index, match.Length, maxWordsBetween: 2))
            {
                return new PregnancyStatus(false);
            }

            return new PregnancyStatus(true, weeks);
        }

        return weeks is null ? null : new PregnancyStatus(true, weeks);
    }

    /// <summary>
    /// The answer to "is she pregnant?", where the question supplies the word "pregnant": "yes, 28 weeks",
    /// "yes 12 wks", "28 weeks". Null when the text is not such an answer (a bare "yes"/"no" is the yes/no reader's).
    /// </summary>
    public PregnancyStatus? ReadAnswer(string? text)
    {
        if (FindInText(text) is { } stated)
        {
            return stated;
        }

        var normalized = UnderstandingText.Normalize(text);
        if (WeeksAnswer().Match(normalized) is { Success: true } match
            && int.TryParse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture, out var weeks)
            && weeks is >= 1 and <= MaxGestationWeeks)
        {
            return new PregnancyStatus(true, weeks);
        }

        return null;
    }

    private static int? GestationWeeks(string normalized)
    {
        foreach (var pattern in new[] { WeeksPregnant(), WeeksOfForty(), PregnantAtWeeks() })
        {
            if (pattern.Match(normalized) is { Success: true } match)
            {
                var number = match.Groups["n"].Value;
                var value = TextModels.Number.Parse(number).Select(TextModels.ValueOf).FirstOrDefault();
                if (value is >= 1 and <= MaxGestationWeeks)
                {
                    return (int)value.Value;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:pregnan\w*|gravid|g\d{1,2}\s*p\d{1,2}|expecting (?:a baby|twins)|antenatal|(?:first|second|third|1st|2nd|3rd) trimester|gestation\w*)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pregnant();

    [GeneratedRegex(@"\b(?:post-? ?partum|post-? ?natal|delivered|gave birth|had (?:the|her) baby|not (?:currently )?pregnant|isn't pregnant|is not pregnant|no longer pregnant|pregnancy test (?:was |is )?negative|negative pregnancy test)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotPregnant();

    // "28 weeks pregnant", "twenty-eight weeks' gestation", "28 wks pregnant", "28+3 weeks"
    [GeneratedRegex(@"\b(?<n>\d{1,2}|[a-z]+(?:[- ][a-z]+)?)\s*(?:\+\s*\d\s*)?(?:weeks?|wks?|w)'?\s*(?:\+\s*\d\s*(?:days?|d)?\s*)?(?:pregnant|gestation\w*|of pregnancy|pg|along|\(pregnant\))",
        RegexOptions.CultureInvariant)]
    private static partial Regex WeeksPregnant();

    // "yes, 28 weeks", "yes - 12 wks", "28 weeks": the whole answer, nothing else.
    [GeneratedRegex(@"^\s*(?:(?:yes|yeah|yep|y)\b\s*[,;:-]?\s*(?:at|about|around)?\s*)?(?<n>\d{1,2})\s*(?:weeks?|wks?|w)\s*[.!]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex WeeksAnswer();

    [GeneratedRegex(@"\b(?<n>\d{1,2})\s*(?:\+\s*\d\s*)?/\s*40\b", RegexOptions.CultureInvariant)]
    private static partial Regex WeeksOfForty();

    [GeneratedRegex(@"\b(?:pregnan\w*|g\d{1,2}\s*p\d{1,2}|expecting)\s*(?:[,(:-]|at|about|around|approx\w*)?\s*(?<n>\d{1,2})\s*(?:weeks?|wks?|w)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PregnantAtWeeks();
}
