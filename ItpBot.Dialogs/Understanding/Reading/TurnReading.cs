using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>Where a finding stands in time and certainty (ConText's "temporality" and "certainty" in one).</summary>
public enum FindingStatus
{
    /// <summary>True of the patient now: the only status that fills the profile.</summary>
    Current,

    /// <summary>Denied or excluded ("no headache", "bleed excluded on CT", "splenectomy: N").</summary>
    Negated,

    /// <summary>Asked about or imagined ("what if romiplostim fails?", "in case she bleeds").</summary>
    Hypothetical,

    /// <summary>Past and over ("hx of PE 2020", "had a nosebleed last year").</summary>
    Historical,

    /// <summary>Intended, not yet so ("wants to get pregnant", "splenectomy planned").</summary>
    Planned,
}

/// <summary>Whom a finding is about.</summary>
public enum Experiencer
{
    /// <summary>The person with ITP (also "my mum" when a caregiver writes about her).</summary>
    Patient,

    /// <summary>The person typing, when that is not the patient ("I'm a nurse", "I have a headache" from a parent).</summary>
    Speaker,

    /// <summary>Someone else ("family history of ICH", "her sister had a clot").</summary>
    FamilyMember,
}

/// <summary>The context of one finding.</summary>
public sealed record FindingContext(FindingStatus Status, Experiencer Experiencer)
{
    public static FindingContext Current { get; } = new(FindingStatus.Current, Experiencer.Patient);

    /// <summary>Only these fill the profile or raise an alarm.</summary>
    public bool IsCurrentAboutPatient => Status == FindingStatus.Current && Experiencer == Experiencer.Patient;
}

/// <summary>
/// One thing the message says, before it is merged into a profile: the contract field (camelCase), the value in the
/// contract's words ("40", "true", "eltrombopag:intolerant"), its context, and where it was read.
/// </summary>
public sealed record Finding(string Field, string Value, FindingContext Context, string Evidence, int Start, int Length);

/// <summary>Who seems to be typing, from what the message says about the writer.</summary>
public enum Speaker
{
    Unknown,
    Clinician,
    Patient,
    Caregiver,
}

/// <summary>Words that tell who is typing ("I'm a patient", "my mum", "52F, plt 20").</summary>
/// <param name="PatientSex">The patient's sex when the words give it ("my dad" is a man).</param>
public sealed record AudienceCue(Speaker Speaker, string Evidence, Sex? PatientSex = null);

/// <summary>
/// A clinical emergency recognised from signs: the rule that fired (from the lexicon's combination rules), its
/// grade, the bleeding site it points to, the signs that made it, and the words they were read from.
/// </summary>
public sealed record RedFlag(string Rule, Bleeding Grade, string Site, IReadOnlyList<string> Signs, string Evidence);

/// <summary>An everyday answer that is not a value: "nothing like that", "no particular preference", "not sure".</summary>
public enum EverydayAnswerKind
{
    /// <summary>"none", "nothing like that", "none of those", "no treatment yet".</summary>
    NoneOfThese,

    /// <summary>"no particular preference", "whatever works", "happy with anything".</summary>
    NoPreference,

    /// <summary>"don't know", "not sure", "no idea".</summary>
    DontKnow,

    /// <summary>"skip", "pass", "next".</summary>
    Skip,

    /// <summary>"looks right", "that's correct", "all good".</summary>
    Confirm,

    Yes,

    No,
}

/// <param name="Field">The contract field the answer names ("I don't know her weight" -> weightKg); null when it names none.</param>
public sealed record EverydayAnswer(EverydayAnswerKind Kind, string? Field, string Evidence);

/// <summary>What the message is, first of all (the corpus labels intents with these names).</summary>
public enum MessageIntent
{
    /// <summary>Gives facts about the patient (a case summary or an answer).</summary>
    Facts,

    /// <summary>Asks a clinical question.</summary>
    Question,

    /// <summary>Help, cancel, start over, forget me.</summary>
    Command,

    /// <summary>Describes an emergency.</summary>
    Emergency,

    /// <summary>Says who is typing ("I'm a patient").</summary>
    Audience,

    /// <summary>Sets a value right ("platelets are actually 25").</summary>
    Correction,

    /// <summary>An everyday answer that is not a value ("not sure", "looks right", "nothing like that").</summary>
    Answer,

    /// <summary>Nothing the bot can read.</summary>
    Unclear,
}

/// <summary>Why the reading is partial.</summary>
public enum ReadingFlag
{
    /// <summary>More text, numbers or dates than the reader will look at in one message; the rest was not read.</summary>
    TooDense,
}

/// <summary>
/// One message, read once: every finding with its context, the profile those findings give (current facts about the
/// patient only), the intent, red flags, who seems to be typing, and an everyday answer if it is one. Every consumer
/// of a turn (interruptions, prompts, the field registry) uses this and never reads the text again.
/// </summary>
public sealed record TurnReading
{
    public static TurnReading Empty { get; } = new();

    /// <summary>All findings, whatever their context (negated and hypothetical ones too, for explanation and tests).</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Current facts about the patient, as profile fields; the rest are null.</summary>
    public PatientProfile Facts { get; init; } = new();

    /// <summary>The contract names of the fields <see cref="Facts"/> fills, in contract order.</summary>
    public IReadOnlyList<string> Filled { get; init; } = [];

    /// <summary>
    /// The part of <see cref="Facts"/> told inside a question ("what dose for her? she's 58 kg" is stated; "what dose
    /// for a 95kg man?" is told in the question): the conversation lets these fill only what it does not know yet.
    /// </summary>
    public PatientProfile QuestionFacts { get; init; } = new();

    /// <summary>Therapies named with no outcome: worth asking how they went.</summary>
    public IReadOnlyList<string> TherapiesWithoutOutcome { get; init; } = [];

    /// <summary>Classes named without the therapy ("failed a TPO-RA"): worth asking which.</summary>
    public IReadOnlyList<string> AmbiguousClasses { get; init; } = [];

    /// <summary>Fields set right by name ("platelets are actually 25").</summary>
    public IReadOnlyList<ProfileCorrection> Corrections { get; init; } = [];

    public MessageIntent Intent { get; init; } = MessageIntent.Unclear;

    /// <summary>The command or question, when the message is one (from <see cref="IntentReader"/>).</summary>
    public Intent? CommandOrQuestion { get; init; }

    /// <summary>The clinician's question in their words, for the profile's <c>question</c>.</summary>
    public string? Question { get; init; }

    /// <summary>Red flags, worst first.</summary>
    public IReadOnlyList<RedFlag> RedFlags { get; init; } = [];

    public RedFlag? WorstRedFlag => RedFlags.Count > 0 ? RedFlags[0] : null;

    /// <summary>
    /// The red flags when the message answers a question about past conditions ("had a stroke" to "any other
    /// conditions?" is history): worst first, and the same as <see cref="RedFlags"/> unless the reader set them apart.
    /// </summary>
    public IReadOnlyList<RedFlag> RedFlagsAnsweringHistory
    {
        get => answeringHistory ?? RedFlags;
        init => answeringHistory = value;
    }

    private readonly IReadOnlyList<RedFlag>? answeringHistory;

    public IReadOnlyList<AudienceCue> AudienceCues { get; init; } = [];

    /// <summary>Who seems to be typing; <see cref="Speaker.Unknown"/> when nothing says.</summary>
    public Speaker Speaker { get; init; } = Speaker.Unknown;

    /// <summary>
    /// A caregiver is typing about the patient ("my dad has ITP"): speak of the patient in the third person. The
    /// facts are still the patient's.
    /// </summary>
    public bool IsCaregiver => Speaker == Speaker.Caregiver;

    /// <summary>The audience to answer in, when the message says (patients and caregivers get plain words).</summary>
    public Audience? Audience => Speaker switch
    {
        Speaker.Patient or Speaker.Caregiver => Knowledge.Model.Audience.Patient,
        Speaker.Clinician => Knowledge.Model.Audience.Clinician,
        _ => null,
    };

    public EverydayAnswer? Answer { get; init; }

    public IReadOnlyList<ReadingFlag> Flags { get; init; } = [];
}
