using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// Current antithrombotic drugs by class: "on apixaban" is an anticoagulant; "stopped warfarin" is none. The drug
/// names are the lexicon's <c>antithrombotic</c> phrases (antithrombotics.yaml).
/// </summary>
public sealed class AntithromboticRecognizer
{
    private readonly LexiconPhrases<Antithrombotic> phrases;

    public AntithromboticRecognizer()
        : this(ReadingLexicon.Default)
    {
    }

    internal AntithromboticRecognizer(ReadingLexicon lexicon) => phrases = new LexiconPhrases<Antithrombotic>(lexicon, "antithrombotic");

    public IReadOnlyList<Antithrombotic> FindAll(string? text) => PhraseSetFinder.Stated(phrases.FindAll, text, NegationScope.Current);

    /// <summary>Classes the text says the patient is not (or no longer) taking.</summary>
    public IReadOnlyList<Antithrombotic> FindDenied(string? text) => PhraseSetFinder.Denied(phrases.FindAll, text, NegationScope.Current);
}
