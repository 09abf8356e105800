using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Emergency wording found in a message: its grade (severe or critical) and the words it was read from.</summary>
public sealed record EmergencyFinding(Bleeding Grade, string Phrase)
{
    /// <summary>The red flag behind the finding (rule, site, signs); null only for a finding built by hand.</summary>
    public RedFlag? RedFlag { get; init; }
}

/// <summary>
/// Looks at every message, whatever is being asked, for red flags: clinical signs from the reading lexicon
/// (signs.yaml) combined by its rules ("sudden severe headache and vomiting", "plt 8 and confused", "vomiting blood
/// and faint"). Signs that are denied, past, hypothetical or a relative's raise nothing.
/// </summary>
public sealed class EmergencyDetector
{
    private const int MaxWords = 1500;

    private readonly FindingReader findings;
    private readonly RedFlagReader rules;
    private readonly PlateletCountRecognizer platelets = new();

    public EmergencyDetector()
        : this(ReadingLexicon.Default)
    {
    }

    public EmergencyDetector(ReadingLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        findings = new FindingReader(lexicon);
        rules = new RedFlagReader(lexicon);
    }

    public EmergencyFinding? Detect(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        var found = findings.Read(MessageTokens.Read(normalized, MaxWords));
        if (found.Signs.Count == 0)
        {
            return null;
        }

        var flag = rules.Read(found.Signs, platelets.FindInText(normalized)).FirstOrDefault();
        return flag is null ? null : new EmergencyFinding(flag.Grade, flag.Evidence) { RedFlag = flag };
    }
}
