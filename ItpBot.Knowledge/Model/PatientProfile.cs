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
}

/// <summary>A treatment the patient has had, and how it went.</summary>
public sealed record PriorTreatment(string Therapy, TreatmentOutcome Outcome, string? Note = null);
