using ItpBot.Dialogs.Replies;
using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

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

    /// <summary>Everything a message may mean, for the interruption layer.</summary>
    public TurnReading Read(string text, IntakeField? pending)
    {
        var facts = pending is { } field ? ReadAnswer(text, field) : ReadFacts(text);
        var reading = facts with { Emergency = _emergency.Detect(text)?.Grade };

        if (WelcomeReply.AudienceFrom(text) is { } chosen)
        {
            return reading with { SwitchAudience = chosen };
        }

        // A plain answer to the pending question is never a command or a question ("no", "12", "eltrombopag").
        if (pending is not null && facts.FactFields.Contains(pending.Value) && facts.FactFields.Count == 1)
        {
            return reading;
        }

        return _intents.Read(text) switch
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
