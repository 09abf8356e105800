using System.Text.Json;
using System.Text.Json.Serialization;

namespace ItpBot.CdsHooks;

// The CDS Hooks 2.0 JSON shapes this service reads and writes. Firely ships CDS Hooks models too, but they are marked
// experimental and lack fields the specification has (action.resourceId, source.topic), so the wire shapes are here and
// Firely parses only the FHIR resources inside them.

/// <summary>A hook call as the EHR posts it. <c>context</c> and <c>prefetch</c> stay JSON until they are read.</summary>
public sealed record CdsRequest
{
    public string? Hook { get; init; }
    public string? HookInstance { get; init; }
    public string? FhirServer { get; init; }
    public FhirAuthorization? FhirAuthorization { get; init; }
    public JsonElement Context { get; init; }
    public Dictionary<string, JsonElement>? Prefetch { get; init; }
}

public sealed record FhirAuthorization
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; init; }
    [JsonPropertyName("token_type")] public string? TokenType { get; init; }
    [JsonPropertyName("expires_in")] public long? ExpiresIn { get; init; }
    [JsonPropertyName("scope")] public string? Scope { get; init; }
    [JsonPropertyName("subject")] public string? Subject { get; init; }
    [JsonPropertyName("patient")] public string? Patient { get; init; }
}

public sealed record CdsDiscovery(IReadOnlyList<CdsServiceDescription> Services);

public sealed record CdsServiceDescription
{
    public required string Hook { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Id { get; init; }
    public required IReadOnlyDictionary<string, string> Prefetch { get; init; }
    public string? UsageRequirements { get; init; }
}

public sealed record CdsResponse(IReadOnlyList<CdsCard> Cards);

public sealed record CdsCard
{
    public string Uuid { get; init; } = Guid.NewGuid().ToString();
    /// <summary>At most 140 characters.</summary>
    public required string Summary { get; init; }
    /// <summary>GitHub-flavoured Markdown.</summary>
    public string? Detail { get; init; }
    /// <summary><c>info</c>, <c>warning</c> or <c>critical</c>.</summary>
    public required string Indicator { get; init; }
    public required CdsSource Source { get; init; }
    public IReadOnlyList<CdsSuggestion>? Suggestions { get; init; }
    /// <summary>Required whenever there are suggestions.</summary>
    public string? SelectionBehavior { get; init; }
    public IReadOnlyList<CdsCoding>? OverrideReasons { get; init; }
    public IReadOnlyList<CdsLink>? Links { get; init; }
}

public sealed record CdsSource
{
    public required string Label { get; init; }
    public string? Url { get; init; }
    public CdsCoding? Topic { get; init; }
}

public sealed record CdsCoding(string System, string Code, string Display);

public sealed record CdsSuggestion
{
    public required string Label { get; init; }
    public string Uuid { get; init; } = Guid.NewGuid().ToString();
    public bool? IsRecommended { get; init; }
    public required IReadOnlyList<CdsAction> Actions { get; init; }
}

public sealed record CdsAction
{
    /// <summary><c>create</c>, <c>update</c> or <c>delete</c>.</summary>
    public required string Type { get; init; }
    public required string Description { get; init; }
    /// <summary>A FHIR resource, already serialised by Firely.</summary>
    public JsonElement? Resource { get; init; }
    /// <summary>A relative reference, for <c>delete</c>.</summary>
    public string? ResourceId { get; init; }
}

public sealed record CdsLink(string Label, string Url, string Type);

public sealed record CdsFeedbackRequest(IReadOnlyList<CdsFeedback>? Feedback);

public sealed record CdsFeedback
{
    public string? Card { get; init; }
    public string? Outcome { get; init; }
    public IReadOnlyList<AcceptedSuggestion>? AcceptedSuggestions { get; init; }
    public string? OutcomeTimestamp { get; init; }
}

public sealed record AcceptedSuggestion(string? Id);

public static class CdsIndicators
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";

    public static int Rank(string indicator) => indicator switch { Critical => 2, Warning => 1, _ => 0 };
}

public static class CdsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 64,
        // Cards are JSON for EHRs, never embedded in HTML: keep × and 10⁹ readable instead of \u escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
