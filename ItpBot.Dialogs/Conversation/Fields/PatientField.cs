using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Conversation.Fields;

/// <summary>When the intake asks a field's question (a field that is known, or was skipped, is never asked).</summary>
public enum AskWhen
{
    /// <summary>Every case needs it.</summary>
    Always,

    /// <summary>Only for someone who may be pregnant (not a man, of childbearing age or age unknown).</summary>
    MayBePregnant,

    /// <summary>Only when eltrombopag is among the options (ancestry changes its starting dose).</summary>
    EltrombopagOffered,

    /// <summary>Only when the advisor says the answer would change this patient's assessment (Assessment.Missing).</summary>
    AdvisorNeedsIt,

    /// <summary>
    /// Never before the plan: a fact that adds a step to the plan but changes neither its choice nor its safety (with
    /// no spleen, the plan says to keep the vaccinations current whatever their status). The plan lists it among
    /// what would refine it (the advisor's Missing), and the user may add it then.
    /// </summary>
    AfterThePlan,

    /// <summary>Read from what the user writes, never asked.</summary>
    Never,
}

/// <summary>
/// Everything the conversation knows about one PatientProfile field, in one place: which contract fields it fills,
/// whether it is known, when it is asked, how a short answer is read, how a new value merges into the case, the
/// bounds a value must keep, and how it is shown back in the case summary. The question's words live in
/// ConversationTexts.yaml under the field's name.
/// </summary>
public sealed record PatientField
{
    public required IntakeField Id { get; init; }

    /// <summary>The contract (camelCase) names this field fills; the first is its own.</summary>
    public required IReadOnlyList<string> ContractNames { get; init; }

    /// <summary>Its line label in the case summary ("Platelet count").</summary>
    public required string Label { get; init; }

    public required Func<PatientProfile, bool> IsKnown { get; init; }

    public AskWhen AskWhen { get; init; } = AskWhen.Always;

    /// <summary>A short answer to this field's own question ("12", "no", "none"); null when it does not answer it.</summary>
    public required Func<FieldReaders, string, PatientProfile?> ReadAnswer { get; init; }

    /// <summary>
    /// This field stated in a free-text message (a case summary), where its own words must be present ("Hb 8.2",
    /// not a bare "8.2"); null when not stated. Fields read by the case-summary reader leave this unset.
    /// </summary>
    public Func<FieldReaders, string, PatientProfile?>? FindInText { get; init; }

    /// <summary>
    /// This field in the reply to a question group it belongs to, read from its own words only ("tablets", "no
    /// access to romiplostim"); a bare yes, no or none there is the group's to read (<see cref="QuestionGroup"/>).
    /// Null for a field in no group.
    /// </summary>
    public Func<FieldReaders, string, PatientProfile?>? ReadInGroup { get; init; }

    /// <summary>
    /// Only a fact true now fills it: where the message mentions it only as a plan or a hypothetical ("planning a
    /// pregnancy" is no pregnancy), the field's plain reader is overruled by the message's context reading.
    /// </summary>
    public bool NowOnly { get; init; }

    /// <summary>
    /// The contract field that holds this one as a plan ("pregnancyPlanned" for "pregnant"): a message that names only
    /// the plan ("planning a pregnancy") says nothing of now.
    /// </summary>
    public string? PlannedAs { get; init; }

    /// <summary>The case with this field of <c>update</c> merged into <c>current</c> (update wins; lists join).</summary>
    public required Func<PatientProfile, PatientProfile, PatientProfile> Merge { get; init; }

    /// <summary>For a list: <c>current</c> without the items <c>update</c> names ("stopped warfarin"); null for a single value.</summary>
    public Func<PatientProfile, PatientProfile, PatientProfile>? Remove { get; init; }

    /// <summary>Why this field's value in the profile is out of bounds; null when it is within them (or unset).</summary>
    public Func<PatientProfile, string?> Validate { get; init; } = _ => null;

    /// <summary>The value as the case summary shows it (the user's own facts echoed back); null when unknown.</summary>
    public required Func<PatientProfile, Func<string, string>, string?> Show { get; init; }

    /// <summary>Whether the intake ever asks it before the plan.</summary>
    public bool IsAsked => AskWhen is not (AskWhen.Never or AskWhen.AfterThePlan);
}
