using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>A bleeding grade and the words that gave it (null phrase for "none").</summary>
public sealed record BleedingFinding(Bleeding Grade, string? Phrase);

/// <summary>
/// The worst current bleeding a message describes, graded as the contract does, from the lexicon's bleeding sites
/// and grade rules (signs.yaml) read with their context: denied or past bleeding ("denies epistaxis", "history of
/// ICH") does not count, and a message that only denies bleeding means none.
/// </summary>
public sealed class BleedingRecognizer
{
    private readonly FindingReader findings;
    private readonly BleedingGrader grader;
    private readonly YesNoRecognizer yesNo;

    public BleedingRecognizer()
        : this(ReadingLexicon.Default)
    {
    }

    internal BleedingRecognizer(ReadingLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        findings = new FindingReader(lexicon);
        grader = new BleedingGrader(lexicon);
        yesNo = new YesNoRecognizer(lexicon);
    }

    /// <summary>
    /// The answer to "Is there any bleeding now?": the worst bleeding described, <see cref="Bleeding.None"/> for a
    /// denial or a plain no, null when the answer says neither.
    /// </summary>
    public BleedingFinding? Recognize(string? text) =>
        FindInText(text) ?? (yesNo.Recognize(text) == false ? new BleedingFinding(Bleeding.None, null) : null);

    /// <summary>
    /// Bleeding stated inside a message (a case summary): only bleeding words count, so a bare "no" says nothing.
    /// </summary>
    public BleedingFinding? FindInText(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        return normalized.Length == 0 ? null : Grade(LexiconTokens.Of(normalized));
    }

    internal BleedingFinding? Grade(MessageTokens tokens) => grader.Grade(findings.Read(tokens).Signs);
}
