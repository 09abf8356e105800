using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// A platelet count in × 10⁹/L from the ways clinicians write it: "12", "12k", "12,000", "12 x 10^9/L",
/// "twelve thousand", "plt 12". Counts over 2000 are read as per µL and divided by 1000.
/// </summary>
public sealed partial class PlateletCountRecognizer
{
    /// <summary>The contract's upper bound, × 10⁹/L.</summary>
    public const double MaxCount = 2000;

    private const string SiMarker = " siunit ";
    private const string PerMicrolitreMarker = " perul ";

    /// <summary>
    /// The count when the whole answer is one count; null when there is none, several, or nonsense. A number that
    /// says it is something else ("52 years", "age 52", "70 kg") is not a count, even as the answer to the count.
    /// </summary>
    public double? Recognize(string? text)
    {
        var normalized = Mark(UnderstandingText.Normalize(text));
        var values = Numbers(normalized)
            .Where(n => !OtherUnit().IsMatch(normalized[n.End..]) && !OtherCue().IsMatch(normalized[..n.Start]))
            .Select(n => Normalise(n.Value, n.PerMicrolitre))
            .Distinct()
            .ToList();
        return values.Count == 1 ? values[0] : null;
    }

    /// <summary>
    /// A count inside a longer message: only a number that is named as a platelet count ("plt 12k",
    /// "platelets 12", "count of 12") or carries the unit ("12 x 10^9/L"), so that ages and doses are left alone.
    /// </summary>
    public double? FindInText(string? text)
    {
        var normalized = Mark(UnderstandingText.Normalize(text));
        foreach (var number in Numbers(normalized))
        {
            var clause = UnderstandingText.ClauseAt(normalized, number.Start);
            var before = normalized[clause.Start..number.Start];
            if (number.HasUnit || (Keyword().IsMatch(before) && !OtherUnit().IsMatch(normalized[number.End..])))
            {
                return ThenNow().Match(normalized[number.End..]) is { Success: true } latest
                    && double.TryParse(latest.Groups["value"].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var now)
                    ? Normalise(now, number.PerMicrolitre)
                    : Normalise(number.Value, number.PerMicrolitre);
            }
        }

        return null;
    }

    private static double? Normalise(double value, bool perMicrolitre)
    {
        if (value < 0 || double.IsNaN(value))
        {
            return null;
        }

        var count = perMicrolitre || value > MaxCount ? value / 1000 : value;
        return count > MaxCount ? null : Math.Round(count, 1);
    }

    private static string Mark(string normalized)
    {
        // "x 10^3/µL" is thousands per µL, the same as × 10⁹/L: it must be marked before a bare "/µL".
        var marked = SiUnit().Replace(normalized, SiMarker);
        return PerMicrolitre().Replace(marked, PerMicrolitreMarker);
    }

    private static IEnumerable<(double Value, int Start, int End, bool HasUnit, bool PerMicrolitre)> Numbers(string marked)
    {
        foreach (var result in TextModels.Number.Parse(marked))
        {
            if (TextModels.SubtypeOf(result) is "power" or "percentage" || TextModels.ValueOf(result) is not { } value)
            {
                continue;
            }

            var rest = marked[(result.End + 1)..].TrimStart();
            var perMicrolitre = rest.StartsWith(PerMicrolitreMarker.Trim(), StringComparison.Ordinal);
            var si = rest.StartsWith(SiMarker.Trim(), StringComparison.Ordinal);
            yield return (value, result.Start, result.End + 1, si || perMicrolitre, perMicrolitre);
        }
    }

    // "x 10^9/L", "x10*9/l", "× 10⁹/L" (normalised to "x 10^9/l"), "10^9/l", "e9/l", "x 10^3/µL".
    [GeneratedRegex(@"\s*(?:x|\*)\s*10\s*(?:\^|\*\*|\*|e)?\s*3\s*(?:/\s*(?:µl|ul|mcl|mm\^?3|cumm|microlit(?:re|er))|per\s+(?:µl|ul|microlit(?:re|er)|mm\^?3))\b|\s*(?:(?:x|\*)\s*10\s*(?:\^|\*\*|\*|e)?\s*9|\b10\s*\^\s*9|e9)(?:\s*/\s*l(?:itre|iter)?\b|\s*per\s+lit(?:re|er)\b)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex SiUnit();

    [GeneratedRegex(@"\s*(?:/\s*(?:µl|ul|mcl|mm\^?3|cumm|microlit(?:re|er))|per\s+(?:µl|ul|microlit(?:re|er)|cubic millimet(?:re|er)|mm\^?3))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex PerMicrolitre();

    // "count 3 days ago", "platelets for 2 weeks": a number of something else.
    [GeneratedRegex(@"^\s*(?:days?|weeks?|wks?|months?|years?|yrs?|y\b|yo\b|y/o|hours?|h\b|mg|mcg|µg|ug|kg|g\b|lbs?\b|%|times|doses?|units?|ml)", RegexOptions.CultureInvariant)]
    private static partial Regex OtherUnit();

    // "age 52", "weight: 70", "Hb 90": the number just after another measure's name.
    [GeneratedRegex(@"\b(?:age|aged|weighs?|weight|wt|hb|ha?emoglobin|wbc|bmi|dose)\s*(?:is|of|=|:)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherCue();

    [GeneratedRegex(@"\b(?:plt|plts|platelets?|plat\w*le?t\w*|platelet counts?|counts?|pc)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    // "platelets were 20 yesterday, 35 today", "count was 30 last week and 14 today": a past value, then the latest.
    [GeneratedRegex(@"^\s*(?:k\b)?\s*(?:yesterday|last (?:week|month|time|visit|check)|previously|earlier|before|at diagnosis|on admission|(?:\d+|a|two|three|few) (?:days?|weeks?|months?) ago)\b[\s,;]*(?:(?:and|but|now|then|today|it's|it is|is|down to|up to|dropped to|fell to|rose to)\b[\s,;]*)*(?<value>\d+(?:\.\d+)?)\b(?!\s*(?:days?|weeks?|months?|years?|kg|mg|%))",
        RegexOptions.CultureInvariant)]
    private static partial Regex ThenNow();
}
