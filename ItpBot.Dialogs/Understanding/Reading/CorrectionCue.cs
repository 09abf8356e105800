namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Whether a message says it sets something right: a correcting word from the lexicon's <c>correction</c> category,
/// or a value "not" another ("52 not 25"). A value alone ("platelet count is 18") is a plain fact.
/// </summary>
internal sealed class CorrectionCue(ReadingLexicon lexicon)
{
    private readonly LexiconMatcher words = new(lexicon.Category("correction"));

    /// <summary>The correction category's meaning that sets a value right (its other words only keep "wrong" apart).</summary>
    private const string Corrects = "corrects";

    public bool IsIn(MessageTokens tokens)
    {
        if (words.FindAll(tokens).Exists(m => m.Meaning.Meaning == Corrects))
        {
            return true;
        }

        // "no, her spleen's still in", "nope - not pregnant": a bare no, a pause, then a value sets the last reading right
        // (the caller still needs a value filled, so "no, that's everything" stays an everyday answer).
        if (tokens.Count > 2 && tokens[0].Word is "no" or "nope" or "nah" && tokens[1].CommaBefore)
        {
            return true;
        }

        // "52 not 25", "28 weeks not 38", "diagnosed 18 months ago, not 8": a value, perhaps with its unit, then "not"
        // another. "stopped for side effects, not for lack of response", "a hip replacement, not a dental extraction":
        // after a pause, "not" and the same small word that opened the value it replaces, one thing set against another.
        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Word != "not")
            {
                continue;
            }

            if (IsNumber(tokens[i + 1].Word) && Enumerable.Range(Math.Max(0, i - ValueWords), Math.Min(i, ValueWords)).Any(j => IsNumber(tokens[j].Word)))
            {
                return true;
            }

            if (tokens[i].CommaBefore && ParallelWords.Contains(tokens[i + 1].Word)
                && Enumerable.Range(0, i).Any(j => tokens[j].Word == tokens[i + 1].Word && tokens.SameClause(j, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words before a "not" that may hold the value it replaces ("18 months ago, not 8").</summary>
    private const int ValueWords = 3;

    /// <summary>Small words that open the thing set right on both sides of "not" ("for X, not for Y", "a X, not a Y").</summary>
    private static readonly HashSet<string> ParallelWords = new(StringComparer.Ordinal) { "a", "an", "for" };

    /// <summary>
    /// A short message with a number ("actually make that 30", "oops, 28 weeks not 38"): with a correcting word it
    /// says a value is being set right even when no field can tell which value it is.
    /// </summary>
    public static bool HasShortValue(MessageTokens tokens) =>
        tokens.Count <= ShortMessageWords && Enumerable.Range(0, tokens.Count).Any(i => IsNumber(tokens[i].Word));

    private const int ShortMessageWords = 10;

    private static bool IsNumber(string word) => word.Length > 0 && char.IsDigit(word[0]);
}
