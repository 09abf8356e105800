using System.Text.Json.Serialization;

namespace ItpBot.Knowledge.Model;

/// <summary>A ranked, explained and cited plan for one <see cref="PatientProfile"/>.</summary>
public sealed record Assessment
{
    // Declaration order is JSON order: a reader meets what to do now (bottom line, alerts, today) before the options.

    /// <summary>At most 80 words, plain text: what to do now and the first choice, in the order a clinician acts (v2).</summary>
    public string? BottomLine { get; init; }
    public required Urgency Urgency { get; init; }
    public required BleedingRisk BleedingRisk { get; init; }
    public Phase? Phase { get; init; }
    public required IReadOnlyList<Alert> Alerts { get; init; }
    /// <summary>The questions this situation raises, answered (v2).</summary>
    public IReadOnlyList<Decision> Decisions { get; init; } = [];
    /// <summary>Steps for now, before the long-term option works (v2).</summary>
    public IReadOnlyList<TodayStep> Today { get; init; } = [];
    /// <summary>Best first.</summary>
    public required IReadOnlyList<TreatmentOption> Options { get; init; }
    public required IReadOnlyList<AvoidedTherapy> Avoid { get; init; }
    /// <summary>Interactions between a current drug and an offered option (v2).</summary>
    public IReadOnlyList<DrugInteraction> Interactions { get; init; } = [];
    /// <summary><see cref="PatientProfile.CurrentDrugs"/> entries the content does not know (v2).</summary>
    public IReadOnlyList<string> UnrecognisedDrugs { get; init; } = [];
    /// <summary>Profile field names (camelCase) whose value would change the answer.</summary>
    public required IReadOnlyList<string> Missing { get; init; }
    /// <summary>Every reference id cited anywhere above.</summary>
    public required IReadOnlyList<Reference> References { get; init; }
    public required string ContentVersion { get; init; }
}

public sealed record TreatmentOption
{
    public required string Therapy { get; init; }
    public required int Rank { get; init; }
    public required OptionRole Role { get; init; }
    public required string Summary { get; init; }
    /// <summary>Which facts and which rules put this option here.</summary>
    public required IReadOnlyList<string> Rationale { get; init; }
    public string? Dosing { get; init; }
    public required IReadOnlyList<string> ResponseRates { get; init; }
    public string? Onset { get; init; }
    public required IReadOnlyList<string> Cautions { get; init; }
    public required IReadOnlyList<string> Citations { get; init; }

    // Contract version 2.
    /// <summary>The ranking made visible, criterion by criterion; the facts behind each are in <see cref="Rationale"/>.</summary>
    public OptionFit? Fit { get; init; }
    /// <summary>Safety steps when starting it.</summary>
    public IReadOnlyList<string> OnStart { get; init; } = [];
    /// <summary>Steps when stopping or switching from it.</summary>
    public IReadOnlyList<string> OnStop { get; init; } = [];

    /// <summary>
    /// The references each text above rests on (keyed by the exact text), so a reply can cite sentence by sentence
    /// instead of piling every citation onto the option's name. Not part of the JSON contract.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TextCitations { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>The citations of one of this option's texts; empty when the text is unknown.</summary>
    public IReadOnlyList<string> CitationsOf(string? text) =>
        text is not null && TextCitations.TryGetValue(text, out var ids) ? ids : [];
}

public sealed record AvoidedTherapy(string Therapy, string Reason, IReadOnlyList<string> Citations);

public sealed record Alert(string Code, string Text, IReadOnlyList<string> Citations);

public sealed record Reference
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Publisher { get; init; }
    public required int Year { get; init; }
    public string? Url { get; init; }
}

/// <summary>One criterion per property: how it bears on an option for this patient.</summary>
public sealed record OptionFit(
    FitGrade Efficacy,
    FitGrade Durability,
    FitGrade Onset,
    FitGrade Burden,
    FitGrade Safety,
    FitGrade Preference);

/// <summary>A question the situation raises (or the clinician asked), answered in one line.</summary>
public sealed record Decision(DecisionTopic Topic, string Answer, IReadOnlyList<string> Reasons, IReadOnlyList<string> Citations);

/// <summary>A step for now: bridge or rescue, hold or reverse a drug, admission, bleeding control.</summary>
public sealed record TodayStep(string Action, IReadOnlyList<string> Reasons, IReadOnlyList<string> Citations);

/// <summary>An interaction between a current drug and an offered option.</summary>
public sealed record DrugInteraction(IReadOnlyList<string> Drugs, string Severity, string Text, IReadOnlyList<string> Citations);
