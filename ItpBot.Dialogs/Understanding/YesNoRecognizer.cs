using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Dialogs.Understanding;

/// <summary>The meanings of the lexicon's <c>yesno</c> phrases (yesno.yaml): parts of the yes/no grammar.</summary>
internal static class YesNoMeanings
{
    /// <summary>A yes that may stand alone or follow another ("sure", "of course", "she has").</summary>
    public const string Yes = "yes";

    /// <summary>A clear yes that may also lead detail ("yes, 28 weeks").</summary>
    public const string YesLeading = "yes-leading";

    public const string No = "no";

    public const string NoLeading = "no-leading";

    /// <summary>Words that may close an answer without changing it ("please", "thanks").</summary>
    public const string Courtesy = "courtesy";

    public static readonly string[] All = [Yes, YesLeading, No, NoLeading, Courtesy];
}

/// <summary>
/// Yes or no in the usual variants ("yep", "nope", "not really", "none"); null for anything else. The words are the
/// lexicon's (yesno.yaml, hedges.yaml); the grammar is here: a run of answers one way, then courtesy words, is the
/// whole message; or a clear yes or no leads detail that does not take it back ("no, never had it").
/// </summary>
public sealed class YesNoRecognizer
{
    private readonly LexiconMatcher answers;
    private readonly LexiconMatcher hedges;

    public YesNoRecognizer()
        : this(ReadingLexicon.Default)
    {
    }

    internal YesNoRecognizer(ReadingLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        answers = new LexiconMatcher(lexicon.Category("yesno"));
        hedges = new LexiconMatcher(lexicon.Category("hedge"));
    }

    public bool? Recognize(string? text)
    {
        var tokens = LexiconTokens.Of(UnderstandingText.Normalize(text));
        var found = answers.FindAll(tokens);
        if (found.Count == 0 || found[0].First != 0 || DirectionOf(found[0]) is not { } direction)
        {
            return null;
        }

        // "no, she hasn't", "yes please": answers one way, then courtesy, and nothing else.
        var next = 0;
        var i = 0;
        while (i < found.Count && found[i].First == next && DirectionOf(found[i]) == direction)
        {
            next = found[i++].End;
        }

        while (i < found.Count && found[i].First == next && found[i].Meaning.Meaning == YesNoMeanings.Courtesy)
        {
            next = found[i++].End;
        }

        if (next == tokens.Count)
        {
            return direction;
        }

        // "yes, 28 weeks", "no, never had it": a clear yes or no first, then detail that does not take it back.
        var lead = found[0];
        var leads = lead.Meaning.Meaning is YesNoMeanings.YesLeading or YesNoMeanings.NoLeading;
        return leads && !hedges.FindAll(tokens).Exists(h => h.First >= lead.End && !Agrees(tokens, h, direction)) ? direction : null;
    }

    // "no, she said no to it", "no and no plans", "yes, yes she has": the answer said again does not take it back.
    private static bool Agrees(MessageTokens tokens, LexiconMatch hedge, bool direction) =>
        hedge.End - hedge.First == 1 && (direction ? tokens[hedge.First].Word is "yes" or "yeah" : tokens[hedge.First].Word is "no");

    private static bool? DirectionOf(LexiconMatch match) => match.Meaning.Meaning switch
    {
        YesNoMeanings.Yes or YesNoMeanings.YesLeading => true,
        YesNoMeanings.No or YesNoMeanings.NoLeading => false,
        _ => null,
    };
}
