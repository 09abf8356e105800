using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ItpBot.CdsHooks;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;
using ItpBot.Tests.Reliability;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.CdsHooks;

/// <summary>The FHIR route and the profile route agree; nothing clinical reaches a log; feedback is counted.</summary>
public sealed class CdsSameAssessmentAndPrivacyTests
{
    /// <summary>One patient, twice: as FHIR resources, and as the profile a clinician would type.</summary>
    private static FhirCase AsFhir() =>
        new FhirCase(gender: "female", birthDate: "1979-06-30").Itp(onset: "2022-09-01").Platelets(14).Haemoglobin(10.4m).Alt(60, 40)
            .Weight(68).Pregnant(false).HbsAg(false).AntiHbc(true).Splenectomy().AllVaccines()
            .Medication("Eliquis 5 MG Oral Tablet", ClinicalCodes.RxNorm, "1364430").Medication("Revolade 50 mg", statement: true);

    private static readonly PatientProfile AsProfile = new()
    {
        Audience = Audience.Clinician,
        AgeYears = 47,
        Sex = Sex.Female,
        WeightKg = 68,
        MonthsSinceDiagnosis = 51.2,
        PlateletCount = 14,
        Haemoglobin = 10.4,
        AltTimesUpperLimit = 1.5,
        Pregnant = false,
        HbvStatus = HbvStatus.Resolved,
        Splenectomy = true,
        VaccinationsUpToDate = true,
        CurrentDrugs = ["apixaban", "eltrombopag"],
        Antithrombotics = [Antithrombotic.Anticoagulant],
    };

    [Fact]
    public void The_fhir_route_fills_the_same_profile_and_gets_the_same_assessment()
    {
        var mapped = FhirProfileMapperTests.Map(AsFhir());
        Assert.Equal(Json(AsProfile), Json(mapped.Profile));

        var advisor = new TreatmentAdvisor(KnowledgeBase.LoadEmbedded());
        Assert.Equal(Json(advisor.Assess(AsProfile)), Json(advisor.Assess(mapped.Profile)));
    }

    [Fact]
    public async Task Post_api_assessments_with_the_profile_answers_what_the_fhir_route_assessed()
    {
        await using var host = await RunningBotHost.StartAsync();
        using var response = await host.Client.PostAsync("api/assessments", JsonContent.Create(AsProfile, options: ContractJson.Options));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var viaApi = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetRawText();

        var advisor = host.Services.GetRequiredService<ITreatmentAdvisor>();
        var viaFhir = Json(advisor.Assess(FhirProfileMapperTests.Map(AsFhir()).Profile));
        Assert.Equal(Normalised(viaFhir), Normalised(viaApi));
    }

    [Fact]
    public async Task Nothing_clinical_reaches_a_log_and_feedback_is_counted()
    {
        const string Sentinel = "ZEBRA-CDS-5521";
        var logs = new CapturingLoggerProvider();
        using var tokens = new CdsTokens();
        await using var host = await CdsHost.StartAsync(tokens,
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft"] = "Trace",
                ["Logging:LogLevel:System"] = "Trace",
            },
            builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(logs);
            });
        long feedback = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CdsMetrics.MeterName && instrument.Name == "itpbot.cdshooks.feedback") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref feedback, value));
        listener.Start();

        var patient = new FhirCase().Itp().Platelets(9).Medication($"{Sentinel} 10 mg").Pregnant();
        patient.Patient.Name.Add(new Hl7.Fhir.Model.HumanName { Family = Sentinel });
        var service = new Uri(host.BaseAddress, $"cds-services/{CdsServiceCatalog.OrderCheckId}").ToString();
        var body = CdsRequests.Order(CdsServiceCatalog.OrderSign, patient.PrefetchJson(), [FhirCase.DraftMedication("d1", "fostamatinib")]);

        await using var fhir = await FakeFhirServer.StartAsync(patient.All);
        var withServer = CdsRequests.PatientView(prefetch: null, fhirServer: fhir.BaseUrl);

        using (var ok = await CdsHost.Send(host, HttpMethod.Post, $"cds-services/{CdsServiceCatalog.OrderCheckId}", body, tokens.Token(service)))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using (var fetched = await CdsHost.Send(host, HttpMethod.Post, $"cds-services/{CdsServiceCatalog.PatientViewId}", withServer,
                   tokens.Token(new Uri(host.BaseAddress, $"cds-services/{CdsServiceCatalog.PatientViewId}").ToString())))
            Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        using (var refused = await CdsHost.Send(host, HttpMethod.Post, $"cds-services/{CdsServiceCatalog.OrderCheckId}", body, null))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using (var broken = await CdsHost.Send(host, HttpMethod.Post, $"cds-services/{CdsServiceCatalog.OrderCheckId}", body.Replace("\"hook\"", "\"hook\":" + Sentinel + ",\"x\"", StringComparison.Ordinal), tokens.Token(service)))
            Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);

        var feedbackPath = $"cds-services/{CdsServiceCatalog.OrderCheckId}/feedback";
        using (var accepted = await CdsHost.Send(host, HttpMethod.Post, feedbackPath,
                   """{"feedback":[{"card":"c1","outcome":"accepted","acceptedSuggestions":[{"id":"s1"}],"outcomeTimestamp":"2026-12-06T10:05:31Z"},{"card":"c2","outcome":"overridden","outcomeTimestamp":"2026-12-06T10:06:00Z"}]}""",
                   tokens.Token(new Uri(host.BaseAddress, feedbackPath).ToString())))
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        Assert.True(Interlocked.Read(ref feedback) >= 2, $"feedback counted {feedback}");
        Assert.Contains(logs.Lines, line => line.Contains("CDS Hooks itp-order-check order-sign", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("CDS Hooks call refused", StringComparison.Ordinal));
        string[] clinical = [Sentinel, FhirCase.PatientId, "fostamatinib", "Tavalisse"];
        var leaks = logs.Lines.Where(line => clinical.Any(c => line.Contains(c, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log lines carry clinical data, e.g.: {leaks.FirstOrDefault()}");
    }

    [Fact]
    public async Task The_readme_example_request_is_answered_with_a_card()
    {
        using var tokens = new CdsTokens();
        await using var host = await CdsHost.StartAsync(tokens);
        var path = Path.Combine(AppContext.BaseDirectory, "CdsHooks", "patient-view.json");
        var audience = new Uri(host.BaseAddress, $"cds-services/{CdsServiceCatalog.PatientViewId}").ToString();
        using var response = await CdsHost.Send(host, HttpMethod.Post, $"cds-services/{CdsServiceCatalog.PatientViewId}", await File.ReadAllTextAsync(path), tokens.Token(audience));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        CdsShape.AssertResponse(root);
        var card = Assert.Single(root.GetProperty("cards").EnumerateArray());
        Assert.Contains("apixaban", card.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ContractJson.Options);

    private static string Normalised(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
