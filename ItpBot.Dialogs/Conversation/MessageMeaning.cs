using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;

namespace ItpBot.Dialogs.Conversation;

/// <summary>What one message means before any dialog sees it: the interruptions, and the facts it gives.</summary>
public sealed record MessageMeaning
{
    /// <summary>Critical or severe bleeding described in the message.</summary>
    public Bleeding? Emergency { get; init; }

    /// <summary>
    /// The emergency when the message answers a question about past conditions, where it differs from
    /// <see cref="Emergency"/> ("had a stroke" answering "any other conditions?" is history: a null grade); null when the
    /// same. The turn's interruptions apply it when the pending question asks for the conditions.
    /// </summary>
    public EmergencyAnsweringHistory? AnsweringHistory { get; init; }

    /// <summary>Help, cancel, start over, forget me.</summary>
    public Command? Command { get; init; }

    /// <summary>Who is speaking, when the message says it ("I'm a patient", "my mum has ITP").</summary>
    public Audience? SwitchAudience { get; init; }

    /// <summary>True when a caregiver writes about someone else ("my mum has ITP"); false when the writer says they are the patient.</summary>
    public bool? AboutSomeoneElse { get; init; }

    /// <summary>The audience was chosen in so many words ("I'm a patient", a welcome button), not inferred from a cue.</summary>
    public bool AudienceStated { get; init; }

    /// <summary>
    /// The audience was judged from how a case summary is written (<see cref="WriterRegister"/>), with no word cue:
    /// it never overrides an audience the user chose.
    /// </summary>
    public bool AudienceGuessed { get; init; }

    public ClinicalQuestion? Question { get; init; }

    /// <summary>"Why not X?": the therapy id asked about.</summary>
    public string? WhyNot { get; init; }

    /// <summary>
    /// A message shaped as a question that the question reader could not place ("what vaccines before
    /// splenectomy?"): answered from this case's assessment when it can be, and otherwise called not covered.
    /// </summary>
    public string? OpenQuestion { get; init; }

    /// <summary>A lone number before any question of a new case ("52"): the count or the age, to be asked.</summary>
    public int? CountOrAge { get; init; }

    /// <summary>What the message says about the patient (a case summary, or the answer to the pending question).</summary>
    public PatientProfile Facts { get; init; } = new();

    /// <summary>
    /// Facts told inside a question ("is it safe for her to fly with a count of 28?"): they fill only what the case
    /// does not know yet, never replacing a value given (a clinician's "and for a 70 kg adult?" keeps the 58 kg).
    /// </summary>
    public PatientProfile QuestionFacts { get; init; } = new();

    /// <summary>The intake fields <see cref="QuestionFacts"/> fills in <paramref name="current"/>: those it does not know yet.</summary>
    public IReadOnlyList<IntakeField> FilledByQuestion(PatientProfile current) =>
        ProfileFields.Filled(QuestionFacts).Select(IntakeFields.FromContractName).OfType<IntakeField>()
            .Where(field => !FieldRegistry.Get(field).IsKnown(current)).Distinct().ToList();

    /// <summary>Fields set right by name ("platelets are actually 25", "stopped warfarin").</summary>
    public IReadOnlyList<ProfileCorrection> Corrections { get; init; } = [];

    /// <summary>The intake questions those facts and corrections answer.</summary>
    public IReadOnlyList<IntakeField> FactFields { get; init; } = [];

    /// <summary>
    /// Fields of a group question the reply says it does not know, beside what it answers ("tablets, but I'm not sure
    /// what's available"): passed with what the bot will assume, as a whole-message "don't know" would be.
    /// </summary>
    public IReadOnlyList<IntakeField> NotKnown { get; init; } = [];

    /// <summary>The message also asks, commands or tells something beyond who is speaking.</summary>
    public bool SaysMoreThanAudience =>
        Command is not null || Question is not null || WhyNot is not null || OpenQuestion is not null || FactFields.Count > 0;

    /// <summary>
    /// The profile once this message's facts (each field by its own merge rule), then its corrections, are applied, and
    /// what a question told fills what is still unknown.
    /// </summary>
    public PatientProfile ApplyTo(PatientProfile current) =>
        FieldRegistry.FillUnknown(
            Corrections.Aggregate(FieldRegistry.Merge(current, Facts), (profile, correction) => correction.ApplyTo(profile)),
            QuestionFacts);
}

/// <summary>The emergency grade of a reply read as the answer to a question about past conditions; null for none.</summary>
public sealed record EmergencyAnsweringHistory(Bleeding? Grade);
