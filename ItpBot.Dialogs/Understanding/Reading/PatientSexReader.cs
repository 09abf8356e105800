using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// The patient's sex from who a caregiver says the patient is ("my dad", "my wife"), in a caregiver's message from
/// every pronoun used ("I'm her daughter. she's 67"), and in anyone's message from a third-person pronoun about the
/// patient ("she failed eltrombopag", "his count is 12"), as a haematologist reads it. A pronoun about someone else is
/// not the patient's: one after a relative or a colleague in its clause ("my wife says she thinks", "the GP, she said")
/// or one that owns them ("his mother had ITP"), or one in a clause about the family. Mixed words give nothing.
/// </summary>
internal sealed class PatientSexReader(ReadingLexicon lexicon)
{
    private readonly HashSet<string> female = Words(lexicon, "female");
    private readonly HashSet<string> male = Words(lexicon, "male");
    private readonly HashSet<string> someoneElse = Words(lexicon, "someone-else");
    private readonly HashSet<string> relatives = Words(lexicon, "relative");
    private readonly HashSet<string> owners = Words(lexicon, "owner");

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

    /// <summary>The sex the third-person pronouns about the patient give, from any speaker; null when none or mixed.</summary>
    public Sex? FromPronouns(MessageTokens tokens, IReadOnlyList<LexiconMatch> triggers)
    {
        bool she = false, he = false;
        var otherSince = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Word;
            if (IsSomeoneElse(tokens, i))
            {
                otherSince = tokens[i].Clause;
                continue;
            }

            var isShe = female.Contains(word);
            if (!isShe && !male.Contains(word))
            {
                continue;
            }

            var aboutOther = otherSince == tokens[i].Clause
                || AboutFamily(tokens, triggers, tokens[i].Clause)
                || (i + 1 < tokens.Count && tokens.SameClause(i, i + 1) && (relatives.Contains(tokens[i + 1].Word) || someoneElse.Contains(tokens[i + 1].Word)));
            if (!aboutOther)
            {
                she |= isShe;
                he |= !isShe;
            }
        }

        return she == he ? null : she ? Sex.Female : Sex.Male;
    }

    private bool IsSomeoneElse(MessageTokens tokens, int i) =>
        someoneElse.Contains(tokens[i].Word)
        || (relatives.Contains(tokens[i].Word) && i > 0 && tokens.SameClause(i - 1, i) && IsOwner(tokens[i - 1].Word));

    private bool IsOwner(string word) => owners.Contains(word) || female.Contains(word) || male.Contains(word);

    // "family history of clots but he's never had one": a clause about the family is not about the patient.
    private static bool AboutFamily(MessageTokens tokens, IReadOnlyList<LexiconMatch> triggers, int clause)
    {
        foreach (var trigger in triggers)
        {
            if (trigger.Meaning.Tags.Contains("experiencer") && tokens[trigger.First].Clause == clause)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Words(ReadingLexicon lexicon, string meaning) =>
        lexicon.Category("pronoun").Where(m => m.Meaning == meaning).SelectMany(m => m.Phrases).Select(p => p.Source).ToHashSet(StringComparer.Ordinal);
}
