using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// Comorbidities by the contract's values, from their names and usual abbreviations (HTN, CKD, T2DM, ...). The words
/// are the lexicon's <c>comorbidity</c> phrases (comorbidities.yaml); a past one counts, a denied one does not.
/// </summary>
public sealed class ComorbidityRecognizer : LexiconPhraseRecognizer<Comorbidity>
{
    public ComorbidityRecognizer()
        : this(ReadingLexicon.Default)
    {
    }

    internal ComorbidityRecognizer(ReadingLexicon lexicon)
        : base(lexicon, "comorbidity", NegationScope.Ever)
    {
    }
}
