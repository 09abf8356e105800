using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// Comorbidities by the contract's values, from their names and usual abbreviations (HTN, CKD, T2DM, ...). The words
/// are the lexicon's <c>comorbidity</c> phrases (comorbidities.yaml); a denied one ("no history of DVT") is not stated.
/// </summary>
public sealed class ComorbidityRecognizer
{
    private readonly LexiconPhrases<Comorbidity> phrases;

    public ComorbidityRecognizer()
        : this(ReadingLexicon.Default)
    {
    }

    internal ComorbidityRecognizer(ReadingLexicon lexicon) => phrases = new LexiconPhrases<Comorbidity>(lexicon, "comorbidity");

    public IReadOnlyList<Comorbidity> FindAll(string? text) => PhraseSetFinder.Stated(phrases.FindAll, text, NegationScope.Ever);

    public IReadOnlyList<Comorbidity> FindDenied(string? text) => PhraseSetFinder.Denied(phrases.FindAll, text, NegationScope.Ever);
}
