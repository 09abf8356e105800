using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>A bleeding grade and the words that gave it (null phrase for "none").</summary>
public sealed record BleedingFinding(Bleeding Grade, string? Phrase);

/// <summary>
/// The worst current bleeding a message describes, graded as the contract does. Denied or past bleeding
/// ("denies epistaxis", "history of ICH") does not count; a message that only denies bleeding means none.
/// </summary>
public sealed partial class BleedingRecognizer
{
    /// <summary>The worst bleeding described, <see cref="Bleeding.None"/> when it is denied, null when not said.</summary>
    public BleedingFinding? Recognize(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        // "her hb dropped to 8" is a reason to ask about bleeding, not a bleed: a fall counts when its size is given
        // ("Hb drop of 3", the contract's severe grade) or blood is spoken of.
        var all = PhraseRules.FindAll(BleedingPhrases.Sites, normalized)
            .Where(m => !FallingHb().IsMatch(m.Text) || SizedFall().IsMatch(normalized[m.Start..]) || BleedingPhrases.AnyBlood().IsMatch(normalized))
            .ToList();
        var current = all
            .Where(m => !Negation.IsNegated(normalized, m.Start, m.Length, NegationScope.Current))
            .ToList();

        if (current.Count > 0)
        {
            var worst = current.OrderByDescending(m => m.Value).First();
            return Escalate(worst.Value, normalized) is { } escalated
                ? new BleedingFinding(escalated.Grade, escalated.Phrase)
                : new BleedingFinding(worst.Value, worst.Text);
        }

        if (BleedingPhrases.AnyBlood().IsMatch(normalized) && BleedingPhrases.Instability().Match(normalized) is { Success: true } sign
            && !Negation.IsNegated(normalized, sign.Index, sign.Length, NegationScope.Current)
            && !BleedingPhrases.NoBleeding().IsMatch(normalized))
        {
            return new BleedingFinding(Bleeding.Critical, sign.Value);
        }

        return all.Count > 0 || BleedingPhrases.NoBleeding().IsMatch(normalized)
            ? new BleedingFinding(Bleeding.None, null)
            : null;
    }

    /// <summary>A severe bleed with signs of circulatory compromise is critical (haemodynamic instability).</summary>
    internal static BleedingFinding? Escalate(Bleeding grade, string normalized)
    {
        if (grade != Bleeding.Severe || BleedingPhrases.Instability().Match(normalized) is not { Success: true } sign
            || Negation.IsNegated(normalized, sign.Index, sign.Length, NegationScope.Current))
        {
            return null;
        }

        return new BleedingFinding(Bleeding.Critical, sign.Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:hb|h(?:a|ae)emoglobin|hgb|drop in)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FallingHb();

    [System.Text.RegularExpressions.GeneratedRegex(@"^.{0,30}?\b(?:of|by|from)\s+\d", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SizedFall();
}
