using ItpBot.Knowledge.Reasoning;

namespace ItpBot.CdsHooks;

/// <summary>
/// Once the host listens, reads the shipped example request end to end (Firely's model, the mapper, the reasoning, the
/// card), so that an EHR's first call does not pay seconds of first-use cost. Off with <c>Startup:WarmUp=false</c>.
/// </summary>
public sealed class CdsWarmUp(
    IHostApplicationLifetime lifetime, IConfiguration configuration, FhirProfileMapper mapper, ITreatmentAdvisor advisor,
    PatientViewCard card) : IHostedService
{
    public const string ExampleResource = "ItpBot.CdsHooks.Examples.patient-view.json";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Startup:WarmUp", true)) return Task.CompletedTask;
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(Run, CancellationToken.None));
        return Task.CompletedTask;
    }

    private void Run()
    {
        using var stream = typeof(CdsWarmUp).Assembly.GetManifestResourceStream(ExampleResource);
        if (stream is null) return;
        var request = System.Text.Json.JsonSerializer.Deserialize<CdsRequest>(stream, CdsJson.Options);
        var resources = new Dictionary<string, IReadOnlyList<Hl7.Fhir.Model.Resource>>(StringComparer.Ordinal);
        foreach (var (key, json) in request?.Prefetch ?? [])
            resources[key] = FhirJson.Parse(json) is { } parsed ? FhirJson.Flatten(parsed) : [];
        var patient = resources.GetValueOrDefault(CdsServiceCatalog.Keys.Patient)?.OfType<Hl7.Fhir.Model.Patient>().FirstOrDefault();
        var mapped = mapper.Map(new PatientRecord("warm-up", patient, resources, new HashSet<string>()));
        card.Build(advisor.Assess(mapped.Profile), mapped, "warm-up", null);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
