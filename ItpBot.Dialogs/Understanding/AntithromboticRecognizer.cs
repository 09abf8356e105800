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

    /// <summary>
    /// The classes taken now; none ([]) when the text names blood thinners only to deny them ("stopped his clopidogrel
    /// in June", "no NSAIDs", "not on aspirin any more"): the patient is on none now. Null when none is named.
    /// </summary>
    public IReadOnlyList<Antithrombotic>? TakenNow(string? text)
    {
        var stated = FindAll(text);
        return stated.Count > 0 ? stated : FindDenied(text).Count > 0 ? [] : null;
    }
}
