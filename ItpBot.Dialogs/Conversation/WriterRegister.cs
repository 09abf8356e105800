using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// Who is typing a case summary that says neither "I" nor "my patient": "itp since 2018, plt 33, bruises on legs,
/// no blood thinners". A clinician names the patient in the third person or by a code ("he", "Mrs Lin", "58M",
/// "45 yo", "the patient"); a summary with nobody named as its subject is about the writer. Everyday words ("blood
/// thinners", "nosebleeds", "wore off", "14 stone") then outweigh clinical shorthand ("Hb", "HBsAg", "Tx:",
/// "menorrhagia") for plain words, and the shorthand of a bare clinical note keeps the clinician's voice. Only the
/// opening case summary is judged this way: a word cue ("I", "my mum", "my patient") always wins.
/// </summary>
public static partial class WriterRegister
{
    /// <summary>Everyday words a patient outweighs the shorthand with before the summary is taken as theirs.</summary>
    private const int EnoughEverydayWords = 2;

    /// <summary>True when the summary names no one else as the patient and reads in everyday words.</summary>
    public static bool WrittenByThePatient(string text)
    {
        var normalized = UnderstandingText.Normalize(text);
        if (ThirdPerson().IsMatch(normalized))
        {
            return false;
        }

        // An age-and-sex code is a clinician's in capitals ("52M", "F49") and a patient's own in lower case on a
        // phone ("29m", "55f"): only the first is clinical shorthand. A message with no capital letter at all is
        // typed casually, which weighs as one everyday word.
        var codes = AgeSexCode().Matches(text);
        var clinical = Clinical().Count(normalized) + codes.Count(c => c.Value.Any(char.IsUpper));
        var everyday = Everyday().Count(normalized) + (text.Any(char.IsLetter) && !text.Any(char.IsUpper) ? 1 : 0);
        return everyday >= EnoughEverydayWords && everyday > clinical;
    }

    // "52M", "52 f", "F49": an age with the sex's initial, in the case it was typed.
    [GeneratedRegex(@"\b(?:\d{1,3} ?[mfMF]|[mfMF]\d{1,3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgeSexCode();

    // Someone else as the subject, or a writer who says what they do: a pronoun, a title, an age-and-sex code, "yo",
    // "year old lady", "a man", "the patient", a letter's or a handover's opening. A bare "Woman 63" or "male 58" is
    // how a patient tersely gives their own sex and age, so it says nothing of who is typing; nor does a bare code
    // ("29m"), which weighs as shorthand only in capitals (below).
    [GeneratedRegex(@"\b(?:he|she|his|her|hers|him|he's|she's|hes|shes|mr|mrs|ms|miss|yo|y/o|yrs?[- ]old|years?[- ]old|(?:a|an|this|the) (?:man|woman|guy|chap)|lady|gentleman|gent|pt|patient|patients|referral|referred|dear|colleague|handover|mdt|ward|bed|clinic|gp|reg|registrar|spr|cns|nurse|locum|consultant|we|our)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ThirdPerson();

    [GeneratedRegex(@"\b(?:bruis\w*|nose ?bleeds?|blood thinners?|thinners|spleen (?:op|out|removed|operation)|stone|wore off|worked|helped|did nothing|nothing worked|didn't (?:work|help|do)|tried|count|periods?|gums?|jabs?|injections?|tablets?|steroids|spots|dots|still going|okay|ok|went up|came down|dropped)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Everyday();

    [GeneratedRegex(@"(?:\b(?:plts?|hb|hgb|hbsag|anti-?hbc|tx|rx|resp|nil|menorrhagia|epistaxis|petechi\w*|purpura|mucosal|splenectomi[sz]ed|in situ|c/o|o/e|pmh|dhx|prev|dx|dx'd|citp|mcg/kg|mg/kg|\d+/12|\d+/52|ac/ap|anticoag\w*|antiplatelets?|refractory|relapsed|dependent|no response|lost response|x10\^?9)\b|->)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Clinical();
}
