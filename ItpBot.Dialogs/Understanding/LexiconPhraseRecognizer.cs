using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// A recogniser of contract codes named by one lexicon category (comorbidities, antithrombotics): which the text
/// states, and which it names only to deny. The words are the lexicon's; the negation scope is the recogniser's.
/// </summary>
public abstract class LexiconPhraseRecognizer<T>
    where T : struct, Enum
{
    private readonly LexiconPhrases<T> phrases;
    private readonly NegationScope scope;

    private protected LexiconPhraseRecognizer(ReadingLexicon lexicon, string category, NegationScope scope)
    {
        phrases = new LexiconPhrases<T>(lexicon, category);
        this.scope = scope;
    }

    public IReadOnlyList<T> FindAll(string? text) => PhraseSetFinder.Stated(phrases.FindAll, text, scope);

    /// <summary>Codes the text names only to deny ("no history of DVT", "stopped warfarin").</summary>
    public IReadOnlyList<T> FindDenied(string? text) => PhraseSetFinder.Denied(phrases.FindAll, text, scope);
}
