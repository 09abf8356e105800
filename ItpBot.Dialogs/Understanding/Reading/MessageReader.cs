using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>How much of one message the reader looks at: enough for any real case, bounded for any input.</summary>
public sealed record ReadingLimits
{
    /// <summary>Words read for signs, context and cues.</summary>
    public int MaxWords { get; init; } = 1500;

    /// <summary>Characters handed to the fact recognisers (their number and date models cost most).</summary>
    public int MaxFactCharacters { get; init; } = 2000;

    public static ReadingLimits Default { get; } = new();
}

/// <summary>
/// The one reading pass: a message becomes a <see cref="TurnReading"/> (findings with their context, the profile of
/// current facts about the patient, intent, red flags, audience cues, an everyday answer). Thread-safe; build once.
/// </summary>
public sealed class MessageReader
{
    private readonly CaseSummaryReader summaries;
    private readonly IntentReader intents;
    private readonly CorrectionReader corrections;
    private readonly ReadingLimits limits;
    private readonly FindingReader findingReader;
    private readonly RedFlagReader redFlags;
    private readonly EverydayAnswerReader answers;

    public MessageReader(
        CaseSummaryReader summaries, IntentReader intents, CorrectionReader corrections, ReadingLexicon? lexicon = null, ReadingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(corrections);
        lexicon ??= ReadingLexicon.Default;
        this.summaries = summaries;
        this.intents = intents;
        this.corrections = corrections;
        this.limits = limits ?? ReadingLimits.Default;
        findingReader = new FindingReader(lexicon);
        redFlags = new RedFlagReader(lexicon);
        answers = new EverydayAnswerReader(lexicon);
    }

    /// <summary>Reads <paramref name="text"/> once. Never throws for any text; cancelling stops before the costly models.</summary>
    public TurnReading Read(string? text, CancellationToken cancellationToken = default)
    {
        var normalized = UnderstandingText.Normalize(text);
        if (normalized.Length == 0)
        {
            return TurnReading.Empty;
        }

        var flags = new List<ReadingFlag>();
        var tokens = MessageTokens.Read(normalized, limits.MaxWords);
        var lexical = findingReader.Read(tokens);

        cancellationToken.ThrowIfCancellationRequested();
        var factText = ClauseSelection.FactText(tokens, lexical.Triggers, limits.MaxFactCharacters);
        if (lexical.Truncated || normalized.Length > limits.MaxFactCharacters)
        {
            flags.Add(ReadingFlag.TooDense);
        }

        var summary = summaries.Read(factText);
        var fixes = corrections.Read(factText);
        var intent = intents.Read(normalized.Length > limits.MaxFactCharacters ? normalized[..limits.MaxFactCharacters] : normalized);
        var (facts, filled) = ContextualFacts.Apply(summary.Profile, summary.Filled, lexical.Findings, factText);
        var flagsFound = redFlags.Read(lexical.Signs, facts.PlateletCount);
        var answer = answers.Read(tokens);
        var speakerNow = SpeakerOf(lexical.Cues);

        return new TurnReading
        {
            Findings = lexical.Findings,
            Facts = facts,
            Filled = filled,
            TherapiesWithoutOutcome = summary.TherapiesWithoutOutcome,
            AmbiguousClasses = summary.AmbiguousClasses,
            Corrections = fixes,
            CommandOrQuestion = intent,
            Question = intent is QuestionIntent ? text?.Trim() : null,
            RedFlags = flagsFound,
            AudienceCues = lexical.Cues,
            Speaker = speakerNow,
            Answer = answer,
            Flags = flags,
            Intent = IntentOf(flagsFound, intent, fixes, filled, answer, lexical.Cues),
        };
    }

    // A caregiver or patient cue outweighs clinical shorthand: the safer wording for an emergency.
    private static Speaker SpeakerOf(IReadOnlyList<AudienceCue> cues) =>
        cues.Count == 0 ? Speaker.Unknown
        : cues.Any(c => c.Speaker == Speaker.Caregiver) ? Speaker.Caregiver
        : cues.Any(c => c.Speaker == Speaker.Patient) ? Speaker.Patient
        : Speaker.Clinician;

    private static MessageIntent IntentOf(
        IReadOnlyList<RedFlag> flags, Intent? intent, IReadOnlyList<ProfileCorrection> fixes, IReadOnlyList<string> filled,
        EverydayAnswer? answer, IReadOnlyList<AudienceCue> cues) => true switch
    {
        _ when flags.Count > 0 => MessageIntent.Emergency,
        _ when intent is CommandIntent { Command: Command.SwitchToPatient or Command.SwitchToClinician } => MessageIntent.Audience,
        _ when intent is CommandIntent => MessageIntent.Command,
        _ when intent is QuestionIntent => MessageIntent.Question,
        _ when fixes.Count > 0 => MessageIntent.Correction,
        _ when answer is not null && filled.Count == 0 => MessageIntent.Answer,
        _ when filled.Count > 0 => MessageIntent.Facts,
        _ when cues.Count > 0 => MessageIntent.Audience,
        _ => MessageIntent.Unclear,
    };
}
