using System.Text.Json.Serialization;

namespace ItpBot.Knowledge.Model;

// The contract (shared/contracts/assessment-api.md) fixes these JSON values: add members, never rename them.

[JsonConverter(typeof(JsonStringEnumConverter<Audience>))]
public enum Audience
{
    [JsonStringEnumMemberName("clinician")] Clinician,
    [JsonStringEnumMemberName("patient")] Patient,
}

[JsonConverter(typeof(JsonStringEnumConverter<Sex>))]
public enum Sex
{
    [JsonStringEnumMemberName("female")] Female,
    [JsonStringEnumMemberName("male")] Male,
}

/// <summary>Worst current bleeding, as the contract grades it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Bleeding>))]
public enum Bleeding
{
    [JsonStringEnumMemberName("none")] None,
    /// <summary>Petechiae, bruises.</summary>
    [JsonStringEnumMemberName("skin")] Skin,
    /// <summary>Nose, gums, mouth, menstrual, haematuria.</summary>
    [JsonStringEnumMemberName("mucosal")] Mucosal,
    /// <summary>Needs transfusion or Hb fall of 2 g/dL or more (e.g. GI bleed).</summary>
    [JsonStringEnumMemberName("severe")] Severe,
    /// <summary>Intracranial or other critical site, or haemodynamic instability.</summary>
    [JsonStringEnumMemberName("critical")] Critical,
}

[JsonConverter(typeof(JsonStringEnumConverter<TreatmentOutcome>))]
public enum TreatmentOutcome
{
    /// <summary>Responded and still fine.</summary>
    [JsonStringEnumMemberName("response")] Response,
    /// <summary>Responded, then lost it.</summary>
    [JsonStringEnumMemberName("relapsed")] Relapsed,
    [JsonStringEnumMemberName("no-response")] NoResponse,
    /// <summary>Needs it continuously.</summary>
    [JsonStringEnumMemberName("dependent")] Dependent,
    [JsonStringEnumMemberName("intolerant")] Intolerant,
    /// <summary>Current, too early to judge.</summary>
    [JsonStringEnumMemberName("ongoing")] Ongoing,
    /// <summary>Given, but how it went was not said: no rule reads it as a success or a failure.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
}

[JsonConverter(typeof(JsonStringEnumConverter<Antithrombotic>))]
public enum Antithrombotic
{
    [JsonStringEnumMemberName("anticoagulant")] Anticoagulant,
    [JsonStringEnumMemberName("antiplatelet")] Antiplatelet,
    [JsonStringEnumMemberName("nsaid")] Nsaid,
}

[JsonConverter(typeof(JsonStringEnumConverter<Comorbidity>))]
public enum Comorbidity
{
    [JsonStringEnumMemberName("hypertension")] Hypertension,
    [JsonStringEnumMemberName("liver-disease")] LiverDisease,
    [JsonStringEnumMemberName("kidney-disease")] KidneyDisease,
    [JsonStringEnumMemberName("thrombosis-history")] ThrombosisHistory,
    [JsonStringEnumMemberName("diabetes")] Diabetes,
    [JsonStringEnumMemberName("osteoporosis")] Osteoporosis,
    [JsonStringEnumMemberName("hepatitis-b")] HepatitisB,
    [JsonStringEnumMemberName("heart-disease")] HeartDisease,
}

[JsonConverter(typeof(JsonStringEnumConverter<Preference>))]
public enum Preference
{
    [JsonStringEnumMemberName("oral")] Oral,
    [JsonStringEnumMemberName("avoid-injections")] AvoidInjections,
    [JsonStringEnumMemberName("avoid-surgery")] AvoidSurgery,
    [JsonStringEnumMemberName("drug-free")] DrugFree,
    [JsonStringEnumMemberName("time-limited")] TimeLimited,
}

[JsonConverter(typeof(JsonStringEnumConverter<Urgency>))]
public enum Urgency
{
    /// <summary>Treat now, in hospital.</summary>
    [JsonStringEnumMemberName("emergency")] Emergency,
    [JsonStringEnumMemberName("prompt")] Prompt,
    [JsonStringEnumMemberName("routine")] Routine,
}

[JsonConverter(typeof(JsonStringEnumConverter<BleedingRisk>))]
public enum BleedingRisk
{
    [JsonStringEnumMemberName("high")] High,
    [JsonStringEnumMemberName("moderate")] Moderate,
    [JsonStringEnumMemberName("low")] Low,
}

[JsonConverter(typeof(JsonStringEnumConverter<Phase>))]
public enum Phase
{
    /// <summary>Under 3 months since diagnosis.</summary>
    [JsonStringEnumMemberName("newly-diagnosed")] NewlyDiagnosed,
    /// <summary>3 to 12 months.</summary>
    [JsonStringEnumMemberName("persistent")] Persistent,
    /// <summary>Over 12 months.</summary>
    [JsonStringEnumMemberName("chronic")] Chronic,
}

[JsonConverter(typeof(JsonStringEnumConverter<OptionRole>))]
public enum OptionRole
{
    [JsonStringEnumMemberName("first-choice")] FirstChoice,
    [JsonStringEnumMemberName("alternative")] Alternative,
    [JsonStringEnumMemberName("later")] Later,
    [JsonStringEnumMemberName("rescue")] Rescue,
}

// Contract version 2.

[JsonConverter(typeof(JsonStringEnumConverter<HbvStatus>))]
public enum HbvStatus
{
    [JsonStringEnumMemberName("negative")] Negative,
    /// <summary>HBsAg negative, anti-HBc positive.</summary>
    [JsonStringEnumMemberName("resolved")] Resolved,
    /// <summary>HBsAg positive.</summary>
    [JsonStringEnumMemberName("chronic")] Chronic,
}

/// <summary>The kind of upcoming procedure: target counts differ.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProcedureKind>))]
public enum ProcedureKind
{
    [JsonStringEnumMemberName("minor")] Minor,
    [JsonStringEnumMemberName("dental")] Dental,
    [JsonStringEnumMemberName("major-surgery")] MajorSurgery,
    [JsonStringEnumMemberName("neuraxial")] Neuraxial,
    [JsonStringEnumMemberName("neurosurgery")] Neurosurgery,
    [JsonStringEnumMemberName("delivery")] Delivery,
}

/// <summary>How one criterion bears on an option, for this patient.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FitGrade>))]
public enum FitGrade
{
    [JsonStringEnumMemberName("favours")] Favours,
    [JsonStringEnumMemberName("neutral")] Neutral,
    [JsonStringEnumMemberName("against")] Against,
}

/// <summary>The questions a situation raises, which <see cref="Decision"/> answers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionTopic>))]
public enum DecisionTopic
{
    [JsonStringEnumMemberName("treat-now")] TreatNow,
    [JsonStringEnumMemberName("setting-of-care")] SettingOfCare,
    [JsonStringEnumMemberName("bridge")] Bridge,
    [JsonStringEnumMemberName("antithrombotics")] Antithrombotics,
    [JsonStringEnumMemberName("refractory-status")] RefractoryStatus,
    [JsonStringEnumMemberName("first-choice")] FirstChoice,
    [JsonStringEnumMemberName("procedure-count")] ProcedureCount,
    [JsonStringEnumMemberName("pregnancy")] Pregnancy,
    /// <summary>The profile's own question.</summary>
    [JsonStringEnumMemberName("question")] Question,
}
