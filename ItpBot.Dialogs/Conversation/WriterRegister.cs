using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// Who is typing a case summary that says neither "I" nor "my patient": "itp since 2018, plt 33, bruises on legs,
/// no blood thinners". A clinician names the patient in the third person or by a code ("he", "Mrs Lin", "58M",
/// "45 yo", "the patient"); a summary with nobody named as its subject is about the writer. Everyday words ("blood
/// thinners", "nosebleeds", "wore off", "14 stone") then outweigh clinical shorthand ("Hb", "HBsAg", "Tx:",
/// "menorrhagia") for plain words, and the shorthand of a bare clinical note keeps the clinician's voice. Only the
/// opening case summary is judged this way: a word cue ("I", "my mum", "my patient") always wins.
/// </summary>
public static class WriterRegister
{
    /// <summary>Everyday words a patient outweighs the shorthand with before the summary is taken as theirs.</summary>
    private const int EnoughEverydayWords = 2;

    /// <summary>True when the summary names no one else as the patient and reads in everyday words.</summary>
    public static bool WrittenByThePatient(string text) => WrittenByThePatient(text, Words.Value);

    /// <summary>As <see cref="WrittenByThePatient(string)"/>, with the register words of another lexicon (tests).</summary>
    internal static bool WrittenByThePatient(string text, ReadingLexicon lexicon) => WrittenByThePatient(text, new RegisterWords(lexicon));

    private static bool WrittenByThePatient(string text, RegisterWords words)
    {
        var normalized = UnderstandingText.Normalize(text);
        if (words.ThirdPerson.IsMatch(normalized))
        {
            return false;
        }

        // An age-and-sex code is a clinician's in capitals ("52M", "F49") and a patient's own in lower case on a
        // phone ("29m", "55f"): only the first is clinical shorthand. A message typed in one case throughout, with no
        // capital letter or with nothing but capitals ("47 F. PLT 21. SPLEEN STILL IN."), is typed casually: it weighs
        // as one everyday word, and its codes' case says nothing.
        var oneCase = text.Any(char.IsLetter) && (!text.Any(char.IsUpper) || !text.Any(char.IsLower));

        // A writer who types capitals elsewhere ("R/NR", "TPO-RA", "NSAIDs") but gives the age and sex in lower case
        // ("29m, plt 55, dx 11/2023, ...") describes themself as a profile or a phone has it, not as a clinician codes a
        // patient ("29M"): with no one else named, the note is theirs, whatever shorthand follows (patients learn it from
        // their letters). In a note typed in one case the code's case says nothing ("48m, plt 21, petechiae" stays a
        // clinician's bare note), so the words below decide.
        if (!oneCase && SelfDescribed(text))
        {
            return true;
        }

        var codes = AgeSexCode.Matches(text);
        var clinical = words.Clinical.Count(normalized) + (oneCase ? 0 : codes.Count(c => c.Value.Any(char.IsUpper)));
        var everyday = words.Everyday.Count(normalized) + (oneCase ? 1 : 0);
        return everyday >= EnoughEverydayWords && everyday > clinical;
    }

    /// <summary>
    /// An adult age-and-sex code in lower case opening the message or one of its clauses: not a clinician's capitals. A
    /// code after a word ("ITP 18m", "romi 6m") is a duration, not a person.
    /// </summary>
    private static bool SelfDescribed(string text)
    {
        foreach (Match code in OpeningAgeSexCode.Matches(text))
        {
            var age = int.Parse(code.Groups["age"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (age is >= AdultFrom and <= OldestAge && char.IsLower(code.Groups["sex"].Value[0]))
            {
                return true;
            }
        }

        return false;
    }

    private const int AdultFrom = 16;
    private const int OldestAge = 110;

    private static readonly Regex OpeningAgeSexCode = new(
        @"(?:^|[.,;:|\n]|\s-)\s*(?<age>\d{2,3}) ?(?<sex>[mfMF])\b(?!/)", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // "52M", "52 f", "F49": an age with the sex's initial, in the case it was typed (so read on the raw text).
    private static readonly Regex AgeSexCode = new(@"\b(?:\d{1,3} ?[mfMF]|[mfMF]\d{1,3})\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Lazy<RegisterWords> Words = new(() => new RegisterWords(ReadingLexicon.Default));

    /// <summary>The register cues: the words are register.yaml's; the codes, the articles and the stems' endings are the grammar here.</summary>
    private sealed class RegisterWords(ReadingLexicon lexicon)
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

        // Someone else as the subject, or a writer who says what they do: a pronoun, a title, an age-and-sex code, "yo",
        // "year old lady", "a man", "the patient", a letter's or a handover's opening. A bare "Woman 63" or "male 58" is
        // how a patient tersely gives their own sex and age, so it says nothing of who is typing; nor does a bare code
        // ("29m"), which weighs as shorthand only in capitals (above).
        public Regex ThirdPerson { get; } = new(
            @"\b(?:" + Of(lexicon, "third-person") + @"|yrs?[- ]old|years?[- ]old|(?:a|an|this|the) " + Of(lexicon, "third-person-noun") + @")\b",
            Options);

        public Regex Everyday { get; } = new(@"\b(?:" + Of(lexicon, "everyday") + "|" + Of(lexicon, "everyday-stem") + @"\w*)\b", Options);

        public Regex Clinical { get; } = new(
            @"(?:\b(?:" + Of(lexicon, "clinical") + "|" + Of(lexicon, "clinical-stem") + @"\w*|\d+/12|\d+/52)\b|->)",
            Options);

        private static string Of(ReadingLexicon lexicon, string meaning) => LexiconWords.Alternation(lexicon, "register", meaning);
    }
}
