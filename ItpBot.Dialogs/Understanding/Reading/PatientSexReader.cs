using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// The patient's sex from who a caregiver says the patient is ("my dad", "my wife") or, in a caregiver's message, from
/// the pronouns used of the patient ("I'm her daughter. she's 67"). Mixed words give nothing.
/// </summary>
internal sealed class PatientSexReader(ReadingLexicon lexicon)
{
    private readonly HashSet<string> female = Words(lexicon, "female");
    private readonly HashSet<string> male = Words(lexicon, "male");

    public Sex? Read(IReadOnlyList<AudienceCue> cues, Speaker speaker, MessageTokens tokens)
    {
        var named = cues.Select(c => c.PatientSex).OfType<Sex>().Distinct().ToList();
        if (named.Count > 0)
        {
            return named.Count == 1 ? named[0] : null;
        }

        if (speaker != Speaker.Caregiver)
        {
            return null;
        }

        bool she = false, he = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            she |= female.Contains(tokens[i].Word);
            he |= male.Contains(tokens[i].Word);
        }

        return she == he ? null : she ? Sex.Female : Sex.Male;
    }

    private static HashSet<string> Words(ReadingLexicon lexicon, string meaning) =>
        lexicon.Category("pronoun").Where(m => m.Meaning == meaning).SelectMany(m => m.Phrases).Select(p => p.Source).ToHashSet(StringComparer.Ordinal);
}
