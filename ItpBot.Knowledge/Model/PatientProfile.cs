namespace ItpBot.Knowledge.Model;

/// <summary>What is known about the patient. Every field is optional: unknown is null (or empty).</summary>
public sealed record PatientProfile
{
    public Audience? Audience { get; init; }
    public int? AgeYears { get; init; }
    public Sex? Sex { get; init; }
    public double? WeightKg { get; init; }
    public double? MonthsSinceDiagnosis { get; init; }
    /// <summary>× 10⁹/L.</summary>
    public double? PlateletCount { get; init; }
    public Bleeding? Bleeding { get; init; }
    public IReadOnlyList<PriorTreatment>? PriorTreatments { get; init; }
    public bool? Splenectomy { get; init; }
    public IReadOnlyList<Antithrombotic>? Antithrombotics { get; init; }
    public IReadOnlyList<Comorbidity>? Comorbidities { get; init; }
    public bool? Pregnant { get; init; }
    public int? GestationWeeks { get; init; }
    public bool? EastAsianAncestry { get; init; }
    public IReadOnlyList<Preference>? Preferences { get; init; }
    /// <summary>Therapy ids that cannot be obtained (cost, formulary).</summary>
    public IReadOnlyList<string>? Unavailable { get; init; }
    /// <summary>Surgery or delivery soon.</summary>
    public bool? UpcomingProcedure { get; init; }

    // Contract version 2 (shared/contracts/assessment-api.md, "Version 2 additions").

    /// <summary>Planning a pregnancy in the next 2 years.</summary>
    public bool? PregnancyPlanned { get; init; }
    /// <summary>Could become pregnant; unknown when absent for a woman under 50.</summary>
    public bool? ChildbearingPotential { get; init; }
    /// <summary>Pneumococcal, meningococcal and Hib vaccination current.</summary>
    public bool? VaccinationsUpToDate { get; init; }
    /// <summary>Drugs taken now, as written (generic or brand).</summary>
    public IReadOnlyList<string>? CurrentDrugs { get; init; }
    /// <summary>g/dL.</summary>
    public double? Haemoglobin { get; init; }
    /// <summary>ALT as a multiple of the upper limit of normal.</summary>
    public double? AltTimesUpperLimit { get; init; }
    public HbvStatus? HbvStatus { get; init; }
    /// <summary>The upcoming procedure, when <see cref="UpcomingProcedure"/> is true.</summary>
    public ProcedureKind? Procedure { get; init; }
    /// <summary>The clinician's question in their words.</summary>
    public string? Question { get; init; }
}

/// <summary>A treatment the patient has had, and how it went.</summary>
public sealed record PriorTreatment(string Therapy, TreatmentOutcome Outcome, string? Note = null);
