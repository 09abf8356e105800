using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// The case being taken, kept in conversation state beside the dialog stack. The dialogs read the profile from
/// here on every step, so anything that fills it (an answer, a case summary, a correction) is seen at once.
/// </summary>
public sealed record IntakeState
{
    /// <summary>Raised when the stored shape changes; an older shape is reset politely.</summary>
    public const int CurrentVersion = 2;

    public int Version { get; init; } = CurrentVersion;

    public PatientProfile Profile { get; init; } = new();

    /// <summary>Questions the user chose not to answer: not asked again for this case.</summary>
    public IReadOnlyList<IntakeField> Skipped { get; init; } = [];

    /// <summary>The intake question now waiting for an answer, if any: how a bare "12" or "yes" is read.</summary>
    public IntakeField? Pending { get; init; }

    /// <summary>
    /// The other fields the pending question asks in the same breath (a question group, see
    /// <see cref="Fields.FieldRegistry.Groups"/>); empty when it asks one. A List, not a collection expression:
    /// storage writes type names.
    /// </summary>
    public List<IntakeField> AskedWith { get; init; } = new();

    /// <summary>
    /// The fields the questions answered so far in this case asked: a field asked in another's part of a group's
    /// question ("any other medicines now?") is not asked that way twice. A List, not a collection expression: storage
    /// writes type names.
    /// </summary>
    public List<IntakeField> Asked { get; init; } = new();

    /// <summary>Whether the pending question asks about <paramref name="field"/> (alone or in its group).</summary>
    public bool Asks(IntakeField field) => Pending == field || AskedWith.Contains(field);

    /// <summary>The fields the pending question asks, the first being <see cref="Pending"/>; empty when none.</summary>
    public IReadOnlyList<IntakeField> PendingFields() => Pending is { } first ? [first, .. AskedWith] : [];

    /// <summary>
    /// The fields the last answer to a question set, and what it set them to: "I meant 18 months" or "make that
    /// romiplostim" sets that answer right (see <see cref="PreviousAnswerCorrection"/>). A List, not a collection
    /// expression: storage writes type names.
    /// </summary>
    public List<IntakeField> LastAnswered { get; init; } = new();

    /// <inheritdoc cref="LastAnswered"/>
    public PatientProfile? LastAnswer { get; init; }

    /// <summary>
    /// A reading's facts in a shape storage can read back: merged into an empty case, every list becomes a List
    /// (storage writes type names, and the compiler's hidden read-only list types cannot be read back).
    /// </summary>
    public static PatientProfile Stored(PatientProfile facts) => Fields.FieldRegistry.Merge(new PatientProfile(), facts);

    /// <summary>
    /// Prior therapies named without enough to record them ("eltrombopag", "failed a TPO-RA"): asked about one at a
    /// time before anything else. A List, not a collection expression: storage writes type names.
    /// </summary>
    public List<OpenTreatment> OpenTreatments { get; init; } = new();

    /// <summary>
    /// A lone number sent before any question ("52"), which could be the platelet count or the age: asked about
    /// before anything else, rather than taken silently as either.
    /// </summary>
    public int? CountOrAge { get; init; }

    /// <summary>
    /// The age at diagnosis a message gave ("since I was 25") while today's age was not known: the time since
    /// diagnosis follows once the age is told, so it is not asked for.
    /// </summary>
    public int? AgeAtDiagnosis { get; init; }

    /// <summary>
    /// This case with what follows from what it holds, shown back with the rest before the plan: the time since
    /// diagnosis from today's age and the age at diagnosis, that a woman pregnant or planning a pregnancy could
    /// become pregnant, and that one planning a pregnancy is not pregnant now. Null when nothing follows that is not known already.
    /// </summary>
    public IntakeState? WithFactsThatFollow()
    {
        var profile = Profile;
        if (profile.MonthsSinceDiagnosis is null && profile.AgeYears is { } now && AgeAtDiagnosis is { } then && now > then)
        {
            profile = profile with { MonthsSinceDiagnosis = (now - then) * 12.0 };
        }

        if (profile.ChildbearingPotential is null && (profile.PregnancyPlanned == true || profile.Pregnant == true) && profile.Sex != Sex.Male)
        {
            profile = profile with { ChildbearingPotential = true };
        }

        // "hoping to conceive next year", "we're trying for a baby": a pregnancy still planned is not one under way.
        // Shown back as "Pregnant: no" with the rest, where a wrong inference is set right in a word.
        if (profile.Pregnant is null && profile.PregnancyPlanned == true && profile.Sex != Sex.Male)
        {
            profile = profile with { Pregnant = false };
        }

        return ReferenceEquals(profile, Profile) ? null : this with { Profile = profile };
    }

    /// <summary>
    /// The questions not to ask now: those skipped, and the time since diagnosis while the age that will give it is
    /// still to be asked.
    /// </summary>
    public IReadOnlyCollection<IntakeField> NotToAskNow() =>
        AgeAtDiagnosis is not null && Profile.AgeYears is null && !Skipped.Contains(IntakeField.Age)
            ? [.. Skipped, IntakeField.TimeSinceDiagnosis]
            : Skipped;

    /// <summary>True once the user has confirmed the case summary; a later correction re-assesses at once.</summary>
    public bool Confirmed { get; init; }

    /// <summary>
    /// The writer is not the patient ("my dad has ITP"): plain-language questions name the patient in the third
    /// person. Set by a caregiver's words, cleared by "I'm a patient"; see <see cref="Addressee"/>.
    /// </summary>
    public bool AboutSomeoneElse { get; init; }

    /// <summary>True once the welcome has been shown in this conversation (Teams sends two install events).</summary>
    public bool Welcomed { get; init; }
}

/// <summary>
/// A prior therapy still missing how it went, or (for a class such as "TPO-RA") which therapy it was. Recorded as a
/// PriorTreatment once both are known.
/// </summary>
public sealed record OpenTreatment
{
    /// <summary>The therapy id; null while only the class is known.</summary>
    public string? Therapy { get; init; }

    /// <summary>The class named ("TPO-RA"), while the therapy is not known.</summary>
    public string? ClassName { get; init; }

    /// <summary>The therapy ids the class may mean.</summary>
    public List<string> Candidates { get; init; } = new();

    public TreatmentOutcome? Outcome { get; init; }

    public PriorTreatment? ToPriorTreatment() =>
        Therapy is { } therapy && Outcome is { } outcome ? new PriorTreatment(therapy, outcome) : null;
}

/// <summary>Per-user settings, kept in user state across conversations.</summary>
public sealed record UserSettings
{
    public Audience Audience { get; init; } = Audience.Clinician;

    /// <summary>True once the user has said which audience they are (asked once).</summary>
    public bool AudienceChosen { get; init; }
}
