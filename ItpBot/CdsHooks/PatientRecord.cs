using System.Net.Http.Headers;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Options;

namespace ItpBot.CdsHooks;

/// <summary>
/// The patient's FHIR resources for one hook call, by prefetch key. A key is "unavailable" when the EHR neither
/// prefetched it nor let the service fetch it; a key the EHR answered with null is available and empty.
/// </summary>
public sealed record PatientRecord(
    string PatientId,
    Patient? Patient,
    IReadOnlyDictionary<string, IReadOnlyList<Resource>> Resources,
    IReadOnlySet<string> Unavailable)
{
    public IReadOnlyList<T> Of<T>(string key) where T : Resource =>
        Resources.TryGetValue(key, out var list) ? list.OfType<T>().ToList() : [];

    public bool Has(string key) => !Unavailable.Contains(key);

    /// <summary>Every resource of a type under any key (a Medication reached from a MedicationRequest, say).</summary>
    public IEnumerable<T> All<T>() where T : Resource => Resources.Values.SelectMany(list => list.OfType<T>());
}

/// <summary>Reads FHIR R4 JSON with Firely's SDK, leniently: an EHR's extra or unknown elements do not fail a call.</summary>
public static class FhirJson
{
    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(
        ModelInfo.ModelInspector,
        new FhirJsonConverterOptions { AcceptUnknownMembers = true, AllowUnrecognizedEnums = true });

    /// <summary>The resource, or null when the JSON is not a FHIR resource Firely can read.</summary>
    public static Resource? Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object) return null;
        try
        {
            return Known(json.Deserialize<Resource>(Options));
        }
        catch (DeserializationFailedException e) when (e.PartialResult is Resource partial)
        {
            return Known(partial);
        }
        catch (Exception e) when (e is DeserializationFailedException or JsonException or FormatException or InvalidCastException)
        {
            return null;
        }
    }

    // An unknown resourceType comes back as a DynamicResource: not R4, so not read.
    private static Resource? Known(Resource? resource) => resource is DynamicResource ? null : resource;

    /// <summary>A single resource as itself, a Bundle as its entries; OperationOutcomes (errors) are dropped.</summary>
    public static IReadOnlyList<Resource> Flatten(Resource resource) => resource switch
    {
        Bundle bundle => bundle.Entry.Select(e => e.Resource).Where(r => r is not null and not OperationOutcome).Select(r => r!).ToList(),
        OperationOutcome => [],
        _ => [resource],
    };

    public static JsonElement ToJson(Resource resource) => JsonSerializer.SerializeToElement(resource, Options);
}

/// <summary>Gathers the record from prefetch and, for what is missing, from the EHR's FHIR server.</summary>
public sealed class PatientRecordLoader(IHttpClientFactory httpClients, IOptions<CdsHooksOptions> options)
{
    public const string HttpClientName = "ItpBot.CdsHooks.Fhir";
    private const string PatientToken = "{{context.patientId}}";

    public async Task<PatientRecord> LoadAsync(CdsRequest request, string patientId, CancellationToken cancellationToken)
    {
        var resources = new Dictionary<string, IReadOnlyList<Resource>>(StringComparer.Ordinal);
        var unavailable = new HashSet<string>(StringComparer.Ordinal);
        var server = FhirServer(request);

        foreach (var (key, template) in CdsServiceCatalog.Prefetch)
        {
            IReadOnlyList<Resource>? found = null;
            if (request.Prefetch is not null && request.Prefetch.TryGetValue(key, out var prefetched))
            {
                found = prefetched.ValueKind == JsonValueKind.Null ? [] : FhirJson.Parse(prefetched) is { } parsed ? FhirJson.Flatten(parsed) : null;
                // A prefetched OperationOutcome means the EHR could not run the query: try the server before giving up.
                if (found is { Count: 0 } && prefetched.ValueKind == JsonValueKind.Object && IsOperationOutcome(prefetched)) found = null;
            }
            if (found is null && server is not null)
                found = await FetchAsync(server.Value.BaseUrl, server.Value.Token, template.Replace(PatientToken, Uri.EscapeDataString(patientId), StringComparison.Ordinal), cancellationToken);

            if (found is null) unavailable.Add(key);
            else resources[key] = found;
        }

        var patient = resources.TryGetValue(CdsServiceCatalog.Keys.Patient, out var patients) ? patients.OfType<Patient>().FirstOrDefault() : null;
        return new PatientRecord(patientId, patient, resources, unavailable);
    }

    private static bool IsOperationOutcome(JsonElement json) =>
        json.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "OperationOutcome";

    /// <summary>The FHIR server and token, when both are given and the server may be called (https, or http on loopback).</summary>
    private static (Uri BaseUrl, string Token)? FhirServer(CdsRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.FhirServer) || string.IsNullOrWhiteSpace(request.FhirAuthorization?.AccessToken)) return null;
        if (!Uri.TryCreate(request.FhirServer.TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl)) return null;
        var allowed = baseUrl.Scheme == Uri.UriSchemeHttps || (baseUrl.Scheme == Uri.UriSchemeHttp && baseUrl.IsLoopback);
        return allowed ? (baseUrl, request.FhirAuthorization.AccessToken) : null;
    }

    private async Task<IReadOnlyList<Resource>?> FetchAsync(Uri baseUrl, string token, string query, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.FhirRequestTimeout);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, query));
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(message, timeout.Token);
            if (!response.IsSuccessStatusCode) return null;
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var document = await JsonDocument.ParseAsync(body, new JsonDocumentOptions { MaxDepth = options.Value.MaxJsonDepth }, timeout.Token);
            return FhirJson.Parse(document.RootElement) is { } resource && resource is not OperationOutcome ? FhirJson.Flatten(resource) : null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            if (cancellationToken.IsCancellationRequested) throw;
            return null;
        }
    }
}
