namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Everyday answers that are not values ("nothing like that", "no particular preference", "I don't know her weight",
/// "looks right"): the lexicon's <c>answer</c> phrases, matched against the whole message (a few filler words
/// aside), with the field the message names from the <c>field</c> category ("her weight" -> weightKg). Qualifiers
/// ("of those", "to report", "blood thinners") may follow an answer but are never one.
/// </summary>
internal sealed class EverydayAnswerReader
{
    private const int MaxAnswerWords = 12;

    /// <summary>Words a "don't know" may come after when it opens a longer message ("well, I'm not sure...").</summary>
    private const int MaxWordsBeforeOpening = 3;

    private const string Qualifier = "qualifier";

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
        var (kinds, named, first) = ReadWhole(tokens);
        return kinds is [var kind, ..]
            ? new EverydayAnswer(kind, named, tokens.Span(first.First, first.End))
            : null;
    }

    /// <summary>
    /// Every kind of answer the message gives, in order, when the whole message is everyday answers; empty when it
    /// says anything else. "yes, looks right" is yes and confirm; "no, none" is no and none of these.
    /// </summary>
    public List<EverydayAnswerKind> Kinds(MessageTokens tokens) => ReadWhole(tokens).Kinds;

    /// <summary>
    /// The message opens with an answer of this kind, whatever follows ("don't know, ask her GP"): only fillers may
    /// come before it.
    /// </summary>
    public bool OpensWith(MessageTokens tokens, EverydayAnswerKind kind)
    {
        foreach (var match in answers.FindAll(tokens))
        {
            if (match.First > MaxWordsBeforeOpening)
            {
                return false;
            }

            for (var i = 0; i < match.First; i++)
            {
                if (!fillers.Contains(tokens[i].Word))
                {
                    return false;
                }
            }

            return KindOf(match) == kind;
        }

        return false;
    }

    /// <summary>
    /// "no idea, haven't had a blood test in months", "don't mind, whatever the doctor thinks": a "don't know" or a "no
    /// preference" that opens a longer message, whatever follows; the caller decides whether what follows says more.
    /// </summary>
    public EverydayAnswer? Opening(MessageTokens tokens)
    {
        foreach (var kind in (ReadOnlySpan<EverydayAnswerKind>)[EverydayAnswerKind.DontKnow, EverydayAnswerKind.NoPreference])
        {
            if (OpensWith(tokens, kind))
            {
                var first = answers.FindAll(tokens)[0];
                return new EverydayAnswer(kind, null, tokens.Span(first.First, first.End));
            }
        }

        return null;
    }

    private (List<EverydayAnswerKind> Kinds, string? Field, LexiconMatch First) ReadWhole(MessageTokens tokens)
    {
        var none = (new List<EverydayAnswerKind>(), (string?)null, default(LexiconMatch));
        if (tokens.Count == 0 || tokens.Count > MaxAnswerWords)
        {
            return none;
        }

        var found = answers.FindAll(tokens);
        if (found.Count == 0)
        {
            return none;
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
                return none;
            }
        }

        var kinds = new List<EverydayAnswerKind>();
        LexiconMatch? first = null;
        foreach (var match in found)
        {
            if (KindOf(match) is { } kind)
            {
                first ??= match;
                kinds.Add(kind);
            }
        }

        return first is { } opening ? (kinds, named.Count > 0 ? named[0].Meaning.Field : null, opening) : none;
    }

    private static EverydayAnswerKind? KindOf(LexiconMatch match) =>
        match.Meaning.Meaning != Qualifier
        && Enum.TryParse<EverydayAnswerKind>(match.Meaning.Meaning.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind)
            ? kind
            : null;
}
