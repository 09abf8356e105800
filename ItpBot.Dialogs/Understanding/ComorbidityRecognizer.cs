using System.Globalization;
using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// Comorbidities by the contract's values, from their names and usual abbreviations (HTN, CKD, T2DM, ...). The words
/// are the lexicon's <c>comorbidity</c> phrases (comorbidities.yaml); a past one counts, a denied one does not, and
/// neither does a relative's ("his father died of a stroke", "family history of DVT"): the context triggers decide.
/// Nor does a word inside a longer bleeding sign: "passing clots", "clots in her urine" are bleeding, not a thrombosis,
/// nor a condition told as a drug's harm ("ciclosporin (hypertension, stopped)"): that is the treatment's story.
/// </summary>
public sealed partial class ComorbidityRecognizer
{
    private readonly LexiconPhrases<Comorbidity> phrases;
    private readonly ContextReader context;
    private readonly LexiconMatcher signs;

    public ComorbidityRecognizer()
        : this(ReadingLexicon.Default)
    {
    }

    internal ComorbidityRecognizer(ReadingLexicon lexicon)
    {
        phrases = new LexiconPhrases<Comorbidity>(lexicon, "comorbidity");
        context = new ContextReader(lexicon);
        signs = new LexiconMatcher(lexicon.Category("sign"));
    }

    public IReadOnlyList<Comorbidity> FindAll(string? text)
    {
        var found = PhraseSetFinder.Stated(PatientsOwn, text, NegationScope.Ever);
        return found.Contains(Comorbidity.KidneyDisease) || !LowEgfr(UnderstandingText.Normalize(text)) ? found : [.. found, Comorbidity.KidneyDisease];
    }

    // Chronic kidney disease from stage G3 is an eGFR below 60 ml/min/1.73m2 (KDIGO 2012 CKD guideline): "eGFR 40".
    private const int KidneyDiseaseEgfrBelow = 60;

    private static bool LowEgfr(string normalized)
    {
        foreach (Match match in Egfr().Matches(normalized))
        {
            if (int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var egfr) && egfr > 0 && egfr < KidneyDiseaseEgfrBelow)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\begfr\s*(?:of\s+|is\s+|was\s+|now\s+|=\s*|:\s*|~\s*|around\s+|about\s+)?(\d{1,3})\b(?![.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Egfr();

    /// <summary>Comorbidities the text names only to deny ("no history of DVT").</summary>
    public IReadOnlyList<Comorbidity> FindDenied(string? text) => PhraseSetFinder.Denied(PatientsOwn, text, NegationScope.Ever);

    // The phrases that speak of the patient: a family member's condition is neither the patient's nor denied.
    private List<PhraseMatch<Comorbidity>> PatientsOwn(string normalized)
    {
        var found = phrases.FindAll(normalized);
        if (found.Count == 0)
        {
            return found;
        }

        var tokens = LexiconTokens.Of(normalized);
        var triggers = context.Triggers(tokens);
        var bleeding = signs.FindAll(tokens);
        return found.Where(match => Words(tokens, match) is var (first, end)
                && first >= 0
                && (LastsBeyondTheDrug.Contains(match.Value) || !DrugHarmStory.IsHarm(normalized, match.Start, match.Start + match.Length))
                && !bleeding.Any(sign => sign.First <= first && sign.End >= end && sign.End - sign.First > end - first)
                && (triggers.Count == 0 || context.ContextOf(tokens, triggers, first, end, _ => false).Experiencer != Experiencer.FamilyMember))
            .ToList();
    }

    // A clot or a thinned bone stays in the history whatever caused it (a thrombosis on a TPO-RA weighs on the next
    // choice); a drug's raised blood pressure or sugar is the drug's harm, told with its story.
    private static readonly HashSet<Comorbidity> LastsBeyondTheDrug = [Comorbidity.ThrombosisHistory, Comorbidity.Osteoporosis];

    // The words [first, end) a phrase found in the text covers.
    private static (int First, int End) Words(MessageTokens tokens, PhraseMatch<Comorbidity> match)
    {
        var first = -1;
        var end = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].End > match.Start && tokens[i].Start < match.Start + match.Length)
            {
                first = first < 0 ? i : first;
                end = i + 1;
            }
        }

        return (first, end);
    }
}
