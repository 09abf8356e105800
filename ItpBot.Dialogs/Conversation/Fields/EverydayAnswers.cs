using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Dialogs.Conversation.Fields;

/// <summary>
/// The answers people give to any question in their own words, beyond the button words: "nothing like that" and
/// "no particular preference" (there is nothing to report), "don't know", "not sure", "skip", "I don't know her
/// weight" (a way out: go on without it), "looks right" (the case is right). The words are the lexicon's answer
/// phrases (answers.yaml); this says which kinds of answer mean what to a question.
/// </summary>
public static class EverydayAnswers
{
    private static readonly Lazy<EverydayAnswerReader> Reader = new(() => new EverydayAnswerReader(ReadingLexicon.Default));

    /// <summary>"none", "nothing like that", "no particular preference", "none of those", "not that I know of", "no".</summary>
    public static bool SaysNone(string? text) =>
        KindsOf(text) is { Count: > 0 } kinds
        && kinds.TrueForAll(k => k is EverydayAnswerKind.NoneOfThese or EverydayAnswerKind.NoPreference or EverydayAnswerKind.No);

    /// <summary>
    /// One clause of the reply says none, and the rest names nothing the list knows ("none of those, just the learning
    /// disability", "gallstones only, nothing on that list", "no, she doesn't take any of those"): the list's answer
    /// is none, since what else is said is not on it. The caller checks first that the reply names nothing it knows.
    /// </summary>
    public static bool AClauseSaysNone(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        var clauses = UnderstandingText.Clauses(normalized);
        return clauses.Count > 1 && clauses.Any(c => SaysNone(normalized.Substring(c.Start, c.Length)));
    }

    /// <summary>
    /// "nothing, he's fine day to day", "none at the moment, she's been well": the reply opens by saying none, and what
    /// follows explains it. The caller checks first that the reply names nothing the question asks for.
    /// </summary>
    public static bool OpensWithNone(string? text)
    {
        var tokens = LexiconTokens.Of(UnderstandingText.Normalize(text));
        return Reader.Value.OpensWith(tokens, EverydayAnswerKind.NoneOfThese) || Reader.Value.OpensWith(tokens, EverydayAnswerKind.No);
    }

    /// <summary>
    /// "she'd consider anything at this point, she just wants it sorted": the reply opens by ruling nothing out, and what
    /// follows explains it.
    /// </summary>
    public static bool OpensWithNoPreference(string? text) =>
        Reader.Value.OpensWith(LexiconTokens.Of(UnderstandingText.Normalize(text)), EverydayAnswerKind.NoPreference);

    /// <summary>"nothing", "none", "n/a" without a plain "no": nothing to report, never "no, that is wrong".</summary>
    public static bool SaysNothing(string? text) =>
        KindsOf(text) is { Count: > 0 } kinds
        && kinds.TrueForAll(k => k is EverydayAnswerKind.NoneOfThese or EverydayAnswerKind.NoPreference);

    /// <summary>
    /// "don't know", "not sure", "skip", "I don't know her weight", "no idea", "rather not say", "pass"; a "don't
    /// know" may open a longer message ("not sure, ask her GP").
    /// </summary>
    public static bool SaysNotKnown(string? text)
    {
        var tokens = LexiconTokens.Of(UnderstandingText.Normalize(text));
        return Reader.Value.Kinds(tokens) is { Count: > 0 } kinds && kinds.TrueForAll(k => k is EverydayAnswerKind.DontKnow or EverydayAnswerKind.Skip)
            || Reader.Value.OpensWith(tokens, EverydayAnswerKind.DontKnow);
    }

    /// <summary>"looks right", "all good", "that's all correct", "spot on", "perfect", "yes, looks right": the case shown is right.</summary>
    public static bool SaysLooksRight(string? text) =>
        KindsOf(text) is { Count: > 0 } kinds
        && kinds.Contains(EverydayAnswerKind.Confirm)
        && kinds.TrueForAll(k => k is EverydayAnswerKind.Confirm or EverydayAnswerKind.Yes);

    private static List<EverydayAnswerKind> KindsOf(string? text) =>
        Reader.Value.Kinds(LexiconTokens.Of(UnderstandingText.Normalize(text)));
}
