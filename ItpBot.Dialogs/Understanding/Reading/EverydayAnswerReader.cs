namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Everyday answers that are not values ("nothing like that", "no particular preference", "I don't know her weight",
/// "looks right"): the lexicon's <c>answer</c> phrases, matched against the whole message (a few filler words
/// aside), with the field the message names from the <c>field</c> category ("her weight" -> weightKg).
/// </summary>
internal sealed class EverydayAnswerReader
{
    private const int MaxAnswerWords = 12;

    private readonly LexiconMatcher answers;
    private readonly LexiconMatcher fields;
    private readonly HashSet<string> fillers;

    public EverydayAnswerReader(ReadingLexicon lexicon)
    {
        answers = new LexiconMatcher(lexicon.Category("answer"));
        fields = new LexiconMatcher(lexicon.Category("field"));
        fillers = lexicon.Category("filler").SelectMany(m => m.Phrases).Select(p => p.Source).ToHashSet(StringComparer.Ordinal);
    }

    public EverydayAnswer? Read(MessageTokens tokens)
    {
        if (tokens.Count == 0 || tokens.Count > MaxAnswerWords)
        {
            return null;
        }

        var found = answers.FindAll(tokens);
        if (found.Count == 0)
        {
            return null;
        }

        var named = fields.FindAll(tokens);
        var covered = new bool[tokens.Count];
        foreach (var match in found.Concat(named))
        {
            for (var i = match.First; i < match.End; i++)
            {
                covered[i] = true;
            }
        }

        // Anything else in the message (a number, a drug) makes it more than an everyday answer.
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!covered[i] && !fillers.Contains(tokens[i].Word))
            {
                return null;
            }
        }

        var first = found[0];
        return Enum.TryParse<EverydayAnswerKind>(first.Meaning.Meaning.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind)
            ? new EverydayAnswer(kind, named.Count > 0 ? named[0].Meaning.Field : null, tokens.Span(first.First, first.End))
            : null;
    }
}
