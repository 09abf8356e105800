using System.Globalization;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Content;

/// <summary>A sentence from the content with its sources. Uncertain facts already carry an "Uncertain:" prefix.</summary>
public sealed record CitedText(string Text, string? PatientText, IReadOnlyList<string> Citations, bool Uncertain = false)
{
    /// <summary>The plain-language variant for patients where the content has one.</summary>
    public string For(Audience audience) =>
        audience == Audience.Patient && PatientText is not null ? PatientText : Text;

    /// <summary>The therapy this step relies on (e.g. IVIG to raise the count), when the content names one.</summary>
    public string? Uses { get; init; }

    /// <summary>What to say instead where <see cref="Uses"/> cannot be obtained.</summary>
    public CitedText? Instead { get; init; }

    /// <summary>This text, or its alternative when the therapy it relies on is unavailable to the patient.</summary>
    public CitedText Given(IReadOnlyList<string>? unavailable) =>
        Uses is { } therapy && Instead is { } instead && unavailable is not null && unavailable.Contains(therapy) ? instead : this;
}

public enum TherapyRoute { None, Oral, Injection, Infusion, Surgery }

public enum LineOfTherapy { None, First, Second, Third, Rescue }

public enum PregnancyStatus { Safe, Caution, Avoid, Contraindicated }

public enum PlanTier { Primary, Later, Rescue }

/// <summary>A dose per kilogram: the template says how to word it, the numbers come from the content.</summary>
public sealed record WeightBasedDose(double PerKgLow, double? PerKgHigh, double? MaxPerKg, string Template)
{
    public string Render(double weightKg) => Template
        .Replace("{weight}", Format(weightKg), StringComparison.Ordinal)
        .Replace("{low}", Format(PerKgLow * weightKg), StringComparison.Ordinal)
        .Replace("{high}", PerKgHigh is { } high ? Format(high * weightKg) : string.Empty, StringComparison.Ordinal)
        .Replace("{max}", MaxPerKg is { } max ? Format(max * weightKg) : string.Empty, StringComparison.Ordinal);

    /// <summary>Every number a rendering for this weight can show.</summary>
    public IEnumerable<string> NumbersFor(double weightKg)
    {
        yield return Format(weightKg);
        yield return Format(PerKgLow * weightKg);
        if (PerKgHigh is { } high) yield return Format(high * weightKg);
        if (MaxPerKg is { } max) yield return Format(max * weightKg);
    }

    // One decimal is the precision a prescriber rounds to; more would be false precision.
    public static string Format(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}

public sealed record DosingRegimen(string Id, CitedText Text, WeightBasedDose? WeightBased);

public sealed record ResponseRate(CitedText Text, string Population)
{
    /// <summary>The rate with its population, which every response rate must name.</summary>
    public string Render(Audience audience) => $"{Text.For(audience)} Population: {Population}.";
}

/// <summary>
/// A therapy's safety in pregnancy. <see cref="Planned"/> names the reasoning text (cited there) that says what a planned
/// pregnancy changes about the therapy: while it is offered, a woman who could become pregnant is asked her plans.
/// </summary>
public sealed record PregnancySafety(PregnancyStatus Status, CitedText Text, string? Planned = null);

/// <summary>A comorbidity's bearing on a therapy: a caution, a step down (<see cref="Demote"/>), or a hard constraint (<see cref="Avoid"/>: not offered).</summary>
public sealed record ComorbidityCaution(Comorbidity Comorbidity, bool Demote, CitedText Text)
{
    public bool Avoid { get; init; }
}

public sealed record Therapy
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> Synonyms { get; init; }
    public required string DrugClass { get; init; }
    /// <summary>Therapeutic group, e.g. tpo-ra, corticosteroid, immunosuppressant.</summary>
    public required string Group { get; init; }
    public required LineOfTherapy Line { get; init; }
    public required TherapyRoute Route { get; init; }
    public required IReadOnlySet<string> Traits { get; init; }
    public required CitedText Summary { get; init; }
    public required IReadOnlyList<DosingRegimen> Dosing { get; init; }
    public CitedText? Onset { get; init; }
    public required IReadOnlyList<ResponseRate> ResponseRates { get; init; }
    public required IReadOnlyList<CitedText> AdverseEffects { get; init; }
    public required IReadOnlyList<CitedText> Monitoring { get; init; }
    public required IReadOnlyList<CitedText> Contraindications { get; init; }
    public required PregnancySafety Pregnancy { get; init; }
    public required IReadOnlyList<CitedText> Access { get; init; }
    public required IReadOnlyList<ComorbidityCaution> ComorbidityCautions { get; init; }

    public bool IsTpoRa => Group == TherapyGroups.TpoRa;
    public bool IsCorticosteroid => Group == TherapyGroups.Corticosteroid;

    /// <summary>The named regimen, or the first (standard) one.</summary>
    public DosingRegimen? Regimen(string? id) =>
        Dosing.FirstOrDefault(r => r.Id == id) ?? (Dosing.Count > 0 ? Dosing[0] : null);

    /// <summary>Every reference this therapy's own facts cite, in order of first appearance.</summary>
    public IEnumerable<CitedText> Facts()
    {
        yield return Summary;
        foreach (var r in Dosing) yield return r.Text;
        if (Onset is not null) yield return Onset;
        foreach (var r in ResponseRates) yield return r.Text;
        foreach (var t in AdverseEffects) yield return t;
        foreach (var t in Monitoring) yield return t;
        foreach (var t in Contraindications) yield return t;
        yield return Pregnancy.Text;
        foreach (var t in Access) yield return t;
        foreach (var c in ComorbidityCautions) yield return c.Text;
    }
}

/// <summary>Group names the reasoning relies on; content may use others.</summary>
public static class TherapyGroups
{
    public const string TpoRa = "tpo-ra";
    public const string Corticosteroid = "corticosteroid";
}

/// <summary>Traits the reasoning matches against preferences.</summary>
public static class TherapyTraits
{
    public const string TimeLimited = "time-limited";
    public const string DrugFreeRemission = "drug-free-remission";
    public const string FastOnset = "fast-onset";
    /// <summary>An operation: referred for, with its preparation steps, rather than started like a drug.</summary>
    public const string Operation = "operation";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { TimeLimited, DrugFreeRemission, FastOnset, Operation };
}

public sealed record Definition(string Id, IReadOnlyList<string> Terms, CitedText Text)
{
    /// <summary>Further paragraphs, each citing only its own sources (e.g. one per definition that differs).</summary>
    public IReadOnlyList<CitedText> More { get; init; } = [];
}

public sealed record Disagreement(string Id, string Topic, CitedText Seed, CitedText Guideline);

public sealed record IdText(string Id, CitedText Text);

public enum RiskFactorKind { CountBelow, AgeFrom, Bleeding, Antithrombotic, Comorbidity }

public sealed record RiskFactor(
    string Id, RiskFactorKind Kind, double? Threshold, Bleeding? Bleeding,
    IReadOnlySet<Comorbidity> Comorbidities, int Weight, CitedText Text);

public sealed record RuleParameter(string Id, double Value, CitedText Text);

public sealed record AlertContent(string Code, CitedText Text);

public sealed record PreferenceRule(
    Preference Preference,
    IReadOnlySet<TherapyRoute> FavourRoutes,
    IReadOnlySet<TherapyRoute> DisfavourRoutes,
    IReadOnlySet<TherapyRoute> AvoidRoutes,
    IReadOnlySet<string> FavourTraits,
    CitedText? FavourText,
    CitedText? DisfavourText,
    CitedText? AvoidText);

public sealed record PlanEntry(Therapy Therapy, PlanTier Tier, bool Combined, string? RegimenId, CitedText Reason);

public sealed record TreatmentPlan(string Id, IReadOnlyList<PlanEntry> Entries);
