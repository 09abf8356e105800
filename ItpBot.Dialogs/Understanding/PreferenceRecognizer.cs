using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// What the patient wants from treatment. The phrases carry their own "no" ("no injections" is a preference to
/// avoid them), so no negation test is applied.
/// </summary>
public sealed partial class PreferenceRecognizer
{
    // The words are the lexicon's (preferences.yaml); the grammar is here. Declared before the rules that use them.
    private static readonly string Wants = Words("wants");

    // Without "no": "no splenectomy" says it was not done, not that it is unwanted.
    private static readonly string RatherNot = Words("rather-not");
    private static readonly string DoesNotWant = @"(?:no|" + RatherNot + ")";

    // "rather watch and wait", "happy to just be monitored": no drug for now.
    private static readonly string Observation = Words("observation");
    private static readonly string Injections = Words("injections");
    private static readonly string Surgery = Words("surgery");
    private static readonly string Oral = Words("oral");
    private static readonly string Medicines = Words("medicines");
    private static readonly string AnyMedicines = "(?:" + Medicines + "|" + Oral + "|" + Words("medicines-also") + ")";

    // "lifelong", "forever", "long-term", "indefinitely": what a wish for a course with an end refuses.
    private static readonly string Lifelong = Words("lifelong");

    private static string Words(string meaning) => LexiconRegex.Alternation(ReadingLexicon.Default, "preference", meaning);

    // One route set against another ("tablets rather than injections", "tabs not jabs", "pills over infusions"): a
    // wish for the first and against the second.
    private const string InPlaceOf = @"(?:rather than|not|instead of|over|in place of|in preference to|to|vs|versus|before)";
    private static readonly string OralOverInjections = @"\b" + Oral + @"\s+" + InPlaceOf + @"\s+(?:the\s+|any\s+|an?\s+)?" + Injections + @"\b";

    // "would sooner have capsules than a drip", "rather take pills than have injections".
    private static readonly string RatherOralThan = @"\b(?:rather|sooner)\s+(?:\w+\s+){0,3}?" + Oral + @"\s+than\s+(?:\w+\s+){0,4}?(?:the\s+|any\s+|an?\s+|more\s+)?";

    // "anything that isn't a jab", "anything but infusions": a wish against the route, said by exclusion.
    private static readonly string AnythingBut = @"\banything (?:that (?:isn't|is not|isnt|doesn't need|does not need)|but|except|other than|apart from|without)\s+(?:an?\s+|the\s+|any\s+)?";

    // Two things not wanted at once ("doesn't want surgery or injections", "no jabs and no operation").
    private const string AndOr = @"\s+(?:or|and|nor|and no|or any|and any)\s+(?:to\s+|to have\s+)?(?:any\s+|the\s+|an?\s+|more\s+)?";

    // "surgery is off the table for him", "injections are out of the question": the route refused as the subject.
    private static readonly string RuledOut = Words("ruled-out");

    private static string OffTheTable(string route) =>
        @"\b" + route + @"(?:'s|s)?\s+(?:(?:is|are|would be)\s+)?" + RuledOut + @"\b";

    private static readonly PhraseRule<Preference>[] Rules =
    [
        new(Preference.AvoidInjections,
            DoesNotWant + @" (?:(?:any|more|the|further|other|weekly|regular|daily)\s+){0,2}" + Injections + @"\b|" +
            OffTheTable(Injections) + "|" +
            // "needles terrify me", "injections scare her": the fear told with the route as its subject.
            @"\b" + Injections + @"\s+" + Words("frightens") + @"\b|" +
            @"\bneedle[- ]?phob\w*|\bno (?:sc|subcutaneous|iv) (?:treatment|therapy|drugs?)\b|" +
            @"(?<=\b" + Oral + @"\s+" + InPlaceOf + @"\s+(?:the\s+|any\s+|an?\s+)?)" + Injections + @"\b|" +
            AnythingBut + Injections + @"\b|" +
            // "I'd rather avoid anything injected": the route named after "anything".
            RatherNot + @"\s+anything\s+(?:that's\s+|that is\s+|given\s+)?" + Injections + @"\b|" +
            @"(?<=" + RatherOralThan + @")" + Injections + @"\b|" +
            @"(?<=" + DoesNotWant + @"\s+(?:any\s+|an?\s+|the\s+|more\s+)?" + Surgery + AndOr + @")" + Injections + @"\b|" +
            // "weekly injections aren't practical for her job", "we can't do weekly injections": a route that cannot be kept up.
            @"\b" + Injections + @"\s+(?:are|is|would be)\s*(?:not|n't)\s+" + Words("practical") + @"\b|" +
            @"\b" + Injections + @"\s+(?:aren't|arent|isn't|isnt|wouldn't be)\s+" + Words("practical") + @"\b|" +
            @"\b(?:can't|cant|cannot|can not|couldn't)\s+(?:do|manage|cope with|fit in|keep up)\s+(?:the\s+|with\s+)?(?:weekly\s+|regular\s+|daily\s+|more\s+)?" + Injections + @"\b"),
        new(Preference.AvoidSurgery,
            OffTheTable(Surgery) + "|" +
            RatherNot + @" (?:having |getting |to have |going |to go |needing )?(?:any |an |the |a )?" + Surgery + @"\b(?! (?:is |was )?(?:planned|scheduled|booked|coming|due|soon|next|tomorrow))|" +
            @"\b(?:splenectomy|surgery|operation)\s+(?:was\s+|has been\s+)?(?:declined|refused|turned down|not wanted|rejected)\b|" +
            // "no surgery please", "no operation for me": a bare "no" said as a wish.
            @"\bno (?:surgery|operations?|splenectomy)\s*,?\s*(?:please|thanks|thank you|for (?:me|her|him|them)|if (?:we|i|she|he) can)\b|" +
            // "not had a splenectomy and doesn't want one": the operation named, then not wanted by pronoun.
            @"\b(?:splenectomy|surgery|operation)\b[\w\s]{0,25}?\b(?:and|but)\s+(?:she |he |they |i )?" + RatherNot + @" (?:one|it|that|to have (?:one|it))\b|" +
            // "no surgery under any circumstances", "no operation whatsoever": a refusal, not a fact.
            @"\bno (?:surgery|operations?|splenectomy)\s+(?:under any circumstances|whatsoever|at all|ever|full stop|period|for now|thank you|thanks)\b|" +
            @"(?<=" + DoesNotWant + @"\s+(?:any\s+|an?\s+|the\s+|more\s+)?" + Injections + AndOr + @")" + Surgery + @"\b|" +
            AnythingBut + Surgery + @"\b|" +
            // "adamant he's keeping his spleen", "wants to keep her spleen": the organ kept is the operation refused.
            @"\bkeep(?:s|ing)?\s+(?:her|his|my|their|the)\s+spleen\b|" +
            // "offered splenectomy and said no", "surgery was suggested but he doesn't want it".
            @"\b(?:splenectomy|surgery|operation)\b[\w\s]{0,30}?\b(?:and|but)\s+(?:she |he |they |i |we )?(?:said no|didn't want it|did not want it|doesn't want it|does not want it)\b"),
        new(Preference.Oral,
            Wants + @" (?:an? |the |only )?" + Oral + @"\b|\b(?:oral|tablets?|pills?) (?:treatment |therapy |medication |options? |drugs? )?(?:only|preferred|please)\b|" +
            @"\boral (?:treatment|therapy|medication|meds|medicines?|tablets|option|drug|agent|route|form)s? (?:is |are |would be )?(?:preferred|only|please|ideal|best)\b|" +
            // "something by mouth please", "pref: PO": the route asked for in a label or with a please.
            @"\b" + Oral + @"\s+(?:only\s+)?(?:please|if (?:(?:it's|it is|at all|that's|that is)\s+)*possible|ideally|by preference)\b|\bpref(?:s|erence|erences)?\s*[:=-]\s*(?:po|oral|tablets?|pills?)\b|" +
            // "rather take tablets", "would like to go on pills", "prefers to be on something oral", "wants to move to a tablet".
            @"(?<!\b(?:not|never|n't|don't|doesn't|didn't|do not|does not)\s+)(?:" + Wants + @"|\brather|\bsooner)\s+(?:to\s+)?(?:take|have|be on|go on|try|use|stick (?:to|with)|stay on|keep (?:to|on)|move (?:on )?to|switch to|change to|go over to)\s+(?:an?\s+|the\s+|only\s+|something\s+)?" + Oral + @"\b(?!\s+(?:forever|for ever|for life|long[- ]term|indefinitely|for years|lifelong))|" +
            // "something I can take by mouth", "a drug she can swallow".
            @"\b(?:something|anything|a drug|a medicine|treatment|one) (?:i|she|he|they|we) (?:can|could) (?:take|swallow|have)(?: (?:by mouth|orally|as a tablet|as tablets))\b|" +
            // "tablet form would be best", "pills are easier for her".
            @"\b" + Oral + @"(?:\s+(?:form|version|route|option|treatment|therapy))?\s+(?:would be|is|are|'d be|would suit (?:me|her|him|them))\s+(?:much\s+|far\s+|a lot\s+)?(?:best|better|preferred|ideal|easier|easiest|simpler|simplest|preferable|most convenient|more convenient|great|good|fine)\b|" +
            OralOverInjections.Replace(@"\s+" + InPlaceOf, @"(?=\s+" + InPlaceOf, StringComparison.Ordinal) + ")|" +
            @"\b(?:rather|sooner)\s+(?:\w+\s+){0,3}?" + Oral + @"(?=\s+than\s+(?:\w+\s+){0,4}?(?:the\s+|any\s+|an?\s+|more\s+)?" + Injections + @"\b)"),
        new(Preference.DrugFree,
            @"\b(?:drug|treatment|medication|medicine|therapy)[- ]free\b|" +
            // "stay off medication", "wants to be off treatment"; "in remission off treatment" is a state, not a wish.
            @"\b(?:stay\w*|keep\w*|remain\w*|be|being|come|coming|get|getting|live|living)\s+(?:completely\s+|totally\s+|entirely\s+)?off (?:(?:all |any )?" + AnyMedicines + @"|everything|it all|all of (?:it|them))\b|" +
            // "I'd like to avoid taking drugs": the taking may be said. "on no treatment", "had no treatment" is a state.
            @"(?<!\b(?:on|had|having|received|receiving|currently)\s+)" + DoesNotWant + @" (?:(?:taking|having|being on|going on|starting|using) )?(?:any )?" + Medicines + @"\b|" +
            @"\b(?:rather|prefers?|preferred|prefer to|wants? to|would like to|happy to|keen to|opt(?:s|ed)? (?:for|to))\s+(?:just\s+|stay and\s+)?" + Observation + @"\b|" +
            @"\brather (?:\w+ ){1,5}than (?:start\w*|tak\w*|go\w* on|be\w* on) (?:any |a |more )?(?:drugs?|medications?|medicines?|treatment|tablets)\b|" +
            // "try going without any medication", "manage without meds", "prefer no meds", "rather not take anything".
            @"\b(?:go|going|manage|managing|cope|coping|get by|be|live|living|see how (?:i|she|he|we) (?:do|get on))\s+without (?:any |taking any |taking |treatment or )?" + AnyMedicines + @"\b|" +
            @"\b(?:prefer\w*|would like|'d like|rather|wants?)\s+(?:to (?:have|take) )?(?:no|nothing)\s+(?:in the way of\s+)?" + AnyMedicines + @"\b|" +
            RatherNot + @"\s+(?:to\s+)?(?:take\s+|have\s+|be on\s+|start\s+)?anything\b(?!\s+(?:long|for|forever|indefinite|lifelong)|\s+(?:that's\s+|that is\s+|given\s+)?" + Injections + @"\b)"),
        new(Preference.TimeLimited,
            @"\b" + Words("time-limited") + @"\b|" +
            @"\b(?:fixed|set|limited|defined|one[- ]off|single) (?:course|period|number of (?:doses|sessions|cycles)|length|duration)\b|" +
            @"(?:\bnot|n't) (?:be |going to be |something that's )?(?:for )?" + Lifelong + @"\b|" +
            @"(?:" + DoesNotWant + @"|\bnothing) (?:\w+ )?" + Lifelong + @"\b|" +
            // "avoid long-term drugs": not wanting them for long is a wish for an end, not for none at all.
            DoesNotWant + @" (?:any )?(?:" + Lifelong + @"|ongoing) " + AnyMedicines + @"\b|" +
            // "would rather not be on anything long term", "doesn't want to be on tablets forever"
            RatherNot + @"\s+(?:to\s+)?(?:(?:be|stay|keep)\s+)?(?:on\s+)?(?:(?:anything|something|treatment|medications?|meds|medicines?|drugs|tablets|pills|it|them|injections)\s+)?(?:" + Lifelong + @"|for years)\b|" +
            @"\brather than " + Lifelong + @"\b|" +
            // "a course and then stop"; not "they work while I'm on them and stop when I stop" (how a drug behaves).
            @"(?<!\b(?:work\w*|help\w*|respond\w*|rise\w*|goes up|went up)\b[\w' ]{0,30})\b(?:then|and) stop\b(?!\s+(?:when|once|whenever|as soon|working|helping))|\bstop (?:it |treatment )?(?:after|eventually)\b"),
    ];

    public IReadOnlyList<Preference> FindAll(string? text) => FindAll(MessageText.Of(text));

    internal IReadOnlyList<Preference> FindAll(MessageText text)
    {
        var normalized = text.Normalized;
        var found = PhraseRules.FindAll(Rules, normalized).OrderBy(m => m.Start).Select(m => m.Value).Distinct().ToList();
        // "oral meds preferred, no surgery": beside a stated preference, a bare "no surgery" is one too.
        if (found.Count > 0 && !found.Contains(Preference.AvoidSurgery) && NoSurgery().IsMatch(normalized))
        {
            found.Add(Preference.AvoidSurgery);
        }

        return found;
    }

    /// <summary>
    /// What a reply to the preferences question wants: the stated preferences, a bare "no surgery" clause, and a
    /// clause that only names the oral route ("tablets", "tablets if possible please", "pills is better for me"), which in answer to that question is
    /// a wish for it, unless the clause denies it ("no tablets", "not pills").
    /// </summary>
    public IReadOnlyList<Preference> FindInAnswer(string? text)
    {
        var found = FindAll(text).ToList();
        var normalized = UnderstandingText.Normalize(text);

        // "no surgery, and I can get whatever": to this question a bare "no surgery" is a wish, as it is beside
        // another preference.
        if (!found.Contains(Preference.AvoidSurgery) && NoSurgery().IsMatch(normalized))
        {
            found.Add(Preference.AvoidSurgery);
        }

        if (found.Contains(Preference.Oral))
        {
            return found;
        }

        foreach (var clause in UnderstandingText.Clauses(normalized))
        {
            var part = normalized.Substring(clause.Start, clause.Length);
            if (BareOral().IsMatch(part) && !Denied().IsMatch(part))
            {
                found.Add(Preference.Oral);
                break;
            }
        }

        return found;
    }

    // An oral word, with at most a few words around it: the clause is about the route, not a story.
    private static readonly Regex BareOralPattern = new(@"^\W*(?:\w+\W+){0,2}?(?:" + Oral + @")\b(?:\W+\w+){0,5}\W*$", RegexOptions.CultureInvariant);

    private static Regex BareOral() => BareOralPattern;

    [GeneratedRegex(@"\b(?:no|not|never|without|avoid\w*|hate\w*|can't|cannot|won't|don't|doesn't|rather not)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Denied();

    [GeneratedRegex(@"(?:^|[,;]\s*)(?:(?:and|but|also|plus)\s+)?no (?:surgery|operations?|splenectomy)\s*(?=$|[,;.])", RegexOptions.CultureInvariant)]
    private static partial Regex NoSurgery();
}
