using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Patients read explanations, not dosing: any sentence that states a dose is left out of a patient reply,
/// even when the content slipped one into a summary or a caution. Grams count as a dose, except a
/// concentration such as "g/dL" (a haemoglobin fall is not a dose).
/// </summary>
public static partial class PatientLanguage
{
    public static bool StatesDose(string text) => Dose().IsMatch(text);

    /// <summary>The text without its dose-stating sentences; null when nothing is left.</summary>
    public static string? WithoutDoses(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!StatesDose(text)) return text;
        var kept = SentenceEnd().Split(text).Where(sentence => !StatesDose(sentence)).ToList();
        if (kept.Count == 0) return null;
        // A clause cut after ";" must not leave the text hanging on it.
        var joined = string.Join(" ", kept).TrimEnd().TrimEnd(';', ',', ':').TrimEnd();
        return joined.Length == 0 ? null : ".!?".Contains(joined[^1]) ? joined : joined + ".";
    }

    public static IReadOnlyList<string> WithoutDoses(IEnumerable<string> texts) =>
        texts.Select(WithoutDoses).OfType<string>().ToList();

    [GeneratedRegex(@"\d\s*(?:mg|µg|μg|mcg|micrograms?|milligrams?|g\s*/\s*kg|grams?\b(?!\s*/)|g(?![a-z/])|IU\b|units?\s*/\s*kg)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dose();

    [GeneratedRegex(@"(?<=[.;!?])\s+")]
    private static partial Regex SentenceEnd();
}
