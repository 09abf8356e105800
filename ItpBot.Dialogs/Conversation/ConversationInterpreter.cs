using ItpBot.Dialogs.Replies;
using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;
using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// Reads a message with the pending question in mind: a bare "12" means a platelet count only while the count is
/// being asked. Built once from the recognisers; thread-safe.
/// </summary>
public sealed class ConversationInterpreter
{
    private readonly EmergencyDetector _emergency;
    private readonly IntentReader _intents;
    private readonly CaseSummaryReader _summaries;
    private readonly CorrectionReader _corrections;
    private readonly PendingAnswerReader _answers;

    private readonly ConditionalWeakTable<ITurnContext, Dictionary<(string, IntakeField?, bool), TurnReading>> _readings = new();

    public ConversationInterpreter(
        EmergencyDetector emergency,
        IntentReader intents,
        CaseSummaryReader summaries,
        CorrectionReader corrections,
        PendingAnswerReader answers)
    {
        _emergency = emergency;
        _intents = intents;
        _summaries = summaries;
        _corrections = corrections;
        _answers = answers;
    }

    /// <summary>
    /// What this turn's message means with <paramref name="pending"/> in mind, read once per turn: the interruption
    /// layer, the prompt's validator and the step that stores the answer all ask, and reading is the costliest part
    /// of a turn.
    /// </summary>
    public TurnReading Read(ITurnContext turn, IntakeField? pending) =>
        Cached(turn, pending, full: true, text => Interpret(text, pending, pending is { } field ? ReadAnswer(turn, field) : ReadFacts(text)));

    /// <summary>This turn's message as the answer to <paramref name="pending"/>, read once per turn.</summary>
    public TurnReading ReadAnswer(ITurnContext turn, IntakeField pending) =>
        Cached(turn, pending, full: false, text => ReadAnswer(text, pending));

    /// <summary>This turn's message as a prior-treatments answer that leaves therapies to ask about; null if none.</summary>
    public PartialPriorTreatments? ReadPartialPriorTreatments(ITurnContext turn) =>
        _answers.ReadPartialPriorTreatments(turn.Activity.Text ?? string.Empty);

    /// <summary>This turn's message as the answer to "How did X go?" or "Which TPO-RA was it?".</summary>
    public OpenTreatment? ReadOpenTreatment(ITurnContext turn, OpenTreatment open) =>
        _answers.ReadOpenTreatment(turn.Activity.Text ?? string.Empty, open);

    /// <summary>This turn's message as the answer to "Is 52 the platelet count or the age?"; null if it says neither.</summary>
    public PatientProfile? ReadCountOrAge(ITurnContext turn, int number) =>
        _answers.ReadCountOrAge(turn.Activity.Text ?? string.Empty, number);

    private TurnReading Cached(ITurnContext turn, IntakeField? pending, bool full, Func<string, TurnReading> read)
    {
        // Kept beside the turn rather than in TurnState, whose keys are hashed culture-aware (ICU) on every lookup.
        var text = turn.Activity.Text ?? string.Empty;
        var cache = _readings.GetOrCreateValue(turn);

        if (!cache.TryGetValue((text, pending, full), out var reading))
        {
            reading = read(text);
            cache[(text, pending, full)] = reading;
        }

        return reading;
    }

    /// <summary>Everything a message may mean, for the interruption layer.</summary>
    public TurnReading Read(string text, IntakeField? pending) =>
        Interpret(text, pending, pending is { } field ? ReadAnswer(text, field) : ReadFacts(text));

    private TurnReading Interpret(string text, IntakeField? pending, TurnReading facts)
    {
        var reading = facts with { Emergency = _emergency.Detect(text)?.Grade };

        if (WelcomeReply.AudienceFrom(text) is { } chosen)
        {
            return reading with { SwitchAudience = chosen };
        }

        // A plain answer to the pending question is never a command or a question ("no", "12", "eltrombopag"); one
        // that asks something about a named therapy is ("eltrombopag dose for East Asian patient" to the ancestry question).
        var intent = _intents.Read(text);
        if (pending is not null && facts.FactFields.Contains(pending.Value) && facts.FactFields.Count == 1
            && intent is not QuestionIntent { Question.Therapies.Count: > 0, Question.Kind: not QuestionKind.Overview })
        {
            return reading;
        }

        return intent switch
        {
            CommandIntent { Command: Command.SwitchToPatient } => reading with { SwitchAudience = Audience.Patient },
            CommandIntent { Command: Command.SwitchToClinician } => reading with { SwitchAudience = Audience.Clinician },
            CommandIntent command => reading with { Command = command.Command },
            QuestionIntent { WhyNot: true } why when why.Question.Therapies.Count > 0 => reading with { WhyNot = why.Question.Therapies[0] },
            QuestionIntent question => reading with { Question = question.Question },
            _ => reading,
        };
    }

    /// <summary>The answer to <paramref name="pending"/>, plus whatever else the message says about the patient.</summary>
    public TurnReading ReadAnswer(string text, IntakeField pending)
    {
        var summary = ReadFacts(text);
        var answer = _answers.Read(text, pending);

        // "platelets are actually 25" while unavailable drugs are asked corrects the count; it does not name an
        // unavailable drug ("platelets"). A correction by name answers its own field, not the pending one.
        var correctsAnotherField = summary.Corrections.Count > 0
            && summary.Corrections.All(c => IntakeFields.FromContractName(c.Field) != pending);
        if (answer is null || correctsAnotherField)
        {
            return summary;
        }

        return summary with
        {
            Facts = summary.Facts.Apply(answer),
            FactFields = [pending, .. summary.FactFields.Where(f => f != pending)],
        };
    }

    private TurnReading ReadFacts(string text)
    {
        var summary = _summaries.Read(text);
        var corrections = _corrections.Read(text);
        var fields = summary.Filled.Concat(corrections.Select(c => c.Field))
            .Select(IntakeFields.FromContractName)
            .OfType<IntakeField>()
            .Distinct()
            .ToList();
        return new TurnReading { Facts = summary.Profile, Corrections = corrections, FactFields = fields };
    }
}
