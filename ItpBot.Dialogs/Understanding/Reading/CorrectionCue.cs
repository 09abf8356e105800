namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Whether a message says it sets something right: a correcting word from the lexicon's <c>correction</c> category,
/// or a value "not" another ("52 not 25"). A value alone ("platelet count is 18") is a plain fact.
/// </summary>
internal sealed class CorrectionCue(ReadingLexicon lexicon)
{
    private readonly LexiconMatcher words = new(lexicon.Category("correction"));

    public bool IsIn(MessageTokens tokens)
    {
        if (words.FindAll(tokens).Count > 0)
        {
            return true;
        }

        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Word == "not" && IsNumber(tokens[i - 1].Word) && IsNumber(tokens[i + 1].Word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumber(string word) => word.Length > 0 && char.IsDigit(word[0]);
}
