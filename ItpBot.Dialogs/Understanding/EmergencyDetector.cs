using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Emergency wording found in a message: its grade (severe or critical) and the phrase that matched.</summary>
public sealed record EmergencyFinding(Bleeding Grade, string Phrase);

/// <summary>
/// Looks at every message, whatever is being asked, for critical or severe bleeding ("brain bleed", "vomiting
/// blood", "black stools and dizzy", "bleeding that won't stop"). Denied or past bleeding is not an emergency.
/// </summary>
public sealed class EmergencyDetector
{
    private static readonly PhraseRule<Bleeding>[] EmergencyRules =
        BleedingPhrases.Sites.Where(r => r.Value >= Bleeding.Severe).ToArray();

    public EmergencyFinding? Detect(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        var worst = PhraseRules.FindAll(EmergencyRules, normalized,
                (start, length) => Negation.IsNegated(normalized, start, length, NegationScope.Current))
            .OrderByDescending(m => m.Value)
            .Cast<PhraseMatch<Bleeding>?>()
            .FirstOrDefault();

        if (worst is { } match)
        {
            return BleedingRecognizer.Escalate(match.Value, normalized) is { } escalated
                ? new EmergencyFinding(Bleeding.Critical, $"{match.Text}, {escalated.Phrase}")
                : new EmergencyFinding(match.Value, match.Text);
        }

        // Fainting or shock counts only alongside bleeding that is not itself denied.
        var blood = BleedingPhrases.AnyBlood().Match(normalized);
        var sign = BleedingPhrases.Instability().Match(normalized);
        if (blood.Success && sign.Success
            && !Negation.IsNegated(normalized, blood.Index, blood.Length, NegationScope.Current)
            && !Negation.IsNegated(normalized, sign.Index, sign.Length, NegationScope.Current))
        {
            return new EmergencyFinding(Bleeding.Critical, sign.Value);
        }

        return null;
    }
}
