using System.Text.Json.Serialization;

namespace ItpBot.Knowledge.Model;

/// <summary>A ranked, explained and cited plan for one <see cref="PatientProfile"/>.</summary>
public sealed record Assessment
{
    public required Urgency Urgency { get; init; }
    public required BleedingRisk BleedingRisk { get; init; }
    public Phase? Phase { get; init; }
    /// <summary>Best first.</summary>
    public required IReadOnlyList<TreatmentOption> Options { get; init; }
    public required IReadOnlyList<AvoidedTherapy> Avoid { get; init; }
    public required IReadOnlyList<Alert> Alerts { get; init; }
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
