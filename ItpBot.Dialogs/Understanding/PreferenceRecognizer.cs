using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// What the patient wants from treatment. The phrases carry their own "no" ("no injections" is a preference to
/// avoid them), so no negation test is applied.
/// </summary>
public sealed class PreferenceRecognizer
{
    private const string Wants = @"(?:prefer\w*|wants?|wanting|would (?:like|rather|prefer)|rather have|keen on|likes?|chooses?|asks? for|asking for|hoping for|favou?rs?)";
    private const string DoesNotWant = @"(?:no|" + RatherNot + ")";

    // Without "no": "no splenectomy" says it was not done, not that it is unwanted.
    private const string RatherNot =
        @"(?:avoid\w*|not keen on|doesn't want|does not want|don't want|do not want|won't have|will not have|refuses?|refused|declines?|declined|hates?|dislikes?|against|(?:would )?rather not (?:have|take|be on|use|start)|scared of|afraid of|fear of)";

    private static readonly PhraseRule<Preference>[] Rules =
    [
        new(Preference.AvoidInjections,
            DoesNotWant + @" (?:(?:any|more|the|further|other|weekly|regular|daily)\s+){0,2}(?:injections?|injectables?|needles?|jabs?|shots?|subcut\w* \w+|infusions?)\b|" +
            @"\bneedle[- ]?phob\w*|\bno (?:sc|subcutaneous|iv) (?:treatment|therapy|drugs?)\b"),
        new(Preference.AvoidSurgery,
            RatherNot + @" (?:any |an |the |a )?(?:surgery|surgical \w+|operations?|splenectomy|an operation)\b(?! (?:is |was )?(?:planned|scheduled|booked|coming|due|soon|next|tomorrow))"),
        new(Preference.Oral,
            Wants + @" (?:an? |the |only )?(?:oral|tablets?|pills?|something by mouth|by mouth)\b|\b(?:oral|tablets?|pills?) (?:treatment |therapy |medication |options? |drugs? )?(?:only|preferred|please)\b|" +
            @"\boral (?:treatment|therapy|medication|option|drug)s? (?:is |are )?preferred\b"),
        new(Preference.DrugFree,
            @"\b(?:drug|treatment|medication|medicine|therapy)[- ]free\b|\boff (?:all )?(?:treatment|medication|medicines?|drugs|therapy)\b|" +
            DoesNotWant + @" (?:any )?(?:long[- ]term |ongoing |continuous )?(?:medication|medicines?|drugs|treatment)\b|\bno long[- ]term (?:medication|drugs|treatment)\b"),
        new(Preference.TimeLimited,
            @"\btime[- ]limited\b|\bfinite (?:course|treatment|duration|therapy)\b|\bfixed[- ]duration\b|\bshort course\b|\blimited duration\b|" +
            @"\bnot (?:lifelong|life-long|forever|indefinite\w*|long[- ]term)\b|" + DoesNotWant + @" (?:\w+ )?(?:lifelong|life-long|indefinite|forever)\b|" +
            @"\bend date\b|\brather than (?:lifelong|life-long|indefinite\w*|forever|long[- ]term)\b|\b(?:then|and) stop\b|\bstop (?:it |treatment )?(?:after|eventually)\b"),
    ];

    public IReadOnlyList<Preference> FindAll(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        return PhraseRules.FindAll(Rules, normalized).OrderBy(m => m.Start).Select(m => m.Value).Distinct().ToList();
    }
}
