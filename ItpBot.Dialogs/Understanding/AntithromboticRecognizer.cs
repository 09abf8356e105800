using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// Current antithrombotic drugs by class: "on apixaban" is an anticoagulant; "stopped warfarin" is none. The drug
/// names are the lexicon's <c>antithrombotic</c> phrases (antithrombotics.yaml).
/// </summary>
public sealed class AntithromboticRecognizer : LexiconPhraseRecognizer<Antithrombotic>
{
    public AntithromboticRecognizer()
        : this(ReadingLexicon.Default)
    {
    }

    internal AntithromboticRecognizer(ReadingLexicon lexicon)
        : base(lexicon, "antithrombotic", NegationScope.Current)
    {
    }
}
