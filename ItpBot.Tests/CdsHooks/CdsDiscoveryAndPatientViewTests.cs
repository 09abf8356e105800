using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ItpBot.CdsHooks;

namespace ItpBot.Tests.CdsHooks;

/// <summary>Discovery and the patient-view service over real HTTP, with requests shaped like the specification's examples.</summary>
public sealed class CdsDiscoveryAndPatientViewTests(CdsHost cds) : IClassFixture<CdsHost>
{
    private static FhirCase ChronicItp() =>
        new FhirCase().Itp(onset: "2023-01-15").Platelets(18).Haemoglobin(11.2m).Alt(30, 40).Weight(70).Pregnant(false)
            .HbsAg(false).AntiHbc(false).Medication("Paracetamol 500 MG Oral Tablet");

    [Fact]
    public async Task Discovery_lists_both_services_with_their_hooks_and_prefetch_codes()
    {
        using var response = await cds.GetDiscoveryAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var services = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("services").EnumerateArray().ToList();

        Assert.Contains(services, s => s.GetProperty("id").GetString() == "itp-patient-view" && s.GetProperty("hook").GetString() == "patient-view");
        Assert.Contains(services, s => s.GetProperty("id").GetString() == "itp-order-check" && s.GetProperty("hook").GetString() == "order-select");
        Assert.Contains(services, s => s.GetProperty("id").GetString() == "itp-order-check" && s.GetProperty("hook").GetString() == "order-sign");
        foreach (var service in services)
        {
            Assert.False(string.IsNullOrWhiteSpace(service.GetProperty("description").GetString()));
            var prefetch = service.GetProperty("prefetch").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            Assert.Equal("Patient/{{context.patientId}}", prefetch["patient"]);
            Assert.Contains("http://hl7.org/fhir/sid/icd-10-cm|D69.3", prefetch["itpConditions"]);
            Assert.Contains("http://snomed.info/sct|2897005", prefetch["itpConditions"]);
            Assert.Contains("http://loinc.org|777-3", prefetch["plateletCount"]);
            Assert.Contains("http://loinc.org|718-7", prefetch["haemoglobin"]);
            Assert.Contains("http://loinc.org|1742-6", prefetch["alt"]);
            Assert.Contains("http://loinc.org|82810-3", prefetch["pregnancyStatus"]);
            Assert.StartsWith("MedicationRequest?patient={{context.patientId}}&status=active", prefetch["medicationRequests"]);
            Assert.StartsWith("MedicationStatement?patient={{context.patientId}}", prefetch["medicationStatements"]);
            Assert.Contains("http://snomed.info/sct|234319005", prefetch["splenectomy"]);
        }
    }

    [Fact]
    public async Task Patient_view_answers_with_one_card_holding_the_first_choice_source_and_link()
    {
        var cards = await cds.CardsAsync(CdsServiceCatalog.PatientViewId, CdsRequests.PatientView(ChronicItp().PrefetchJson()));

        var card = Assert.Single(cards.EnumerateArray());
        var detail = card.GetProperty("detail").GetString()!;
        Assert.Contains("**First choice:", detail);
        Assert.Contains("2026.", card.GetProperty("source").GetProperty("label").GetString());
        Assert.Contains("Bleeding, treatment history and preferences are not read from the record.", detail);
        var link = card.GetProperty("links")[0].GetProperty("url").GetString()!;
        Assert.DoesNotContain(FhirCase.PatientId, link);
        // The count (18) is not in the link: no path segment or query value carries it. The link's random token may
        // contain the digits "18" by chance (about 1 run in 50), so the check is by segment, not by substring.
        var uri = new Uri(link);
        Assert.DoesNotContain(uri.AbsolutePath.Split('/'), segment => segment == "18");
        Assert.DoesNotContain("=18", uri.Query);
        Assert.DoesNotContain("platelet", link, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_link_opens_the_full_assessment_and_a_tampered_link_does_not()
    {
        var cards = await cds.CardsAsync(CdsServiceCatalog.PatientViewId, CdsRequests.PatientView(ChronicItp().PrefetchJson()));
        var link = cards[0].GetProperty("links")[0].GetProperty("url").GetString()!;

        using var page = await cds.Host.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Options, best first", html);
        Assert.Contains("&quot;plateletCount&quot;: 18", html);
        Assert.Contains("no-store", page.Headers.CacheControl!.ToString());

        var tampered = link.Replace("exp=", "exp=9", StringComparison.Ordinal);
        using var refused = await cds.Host.Client.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("plateletCount", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_patient_without_itp_gets_no_card()
    {
        var cards = await cds.CardsAsync(CdsServiceCatalog.PatientViewId, CdsRequests.PatientView(new FhirCase().Platelets(250).PrefetchJson()));
        Assert.Empty(cards.EnumerateArray());
    }

    [Fact]
    public async Task Missing_prefetch_is_fetched_from_the_fhir_server_with_the_given_token()
    {
        var patient = ChronicItp();
        await using var fhir = await FakeFhirServer.StartAsync(patient.All);

        var full = await cds.CardsAsync(CdsServiceCatalog.PatientViewId, CdsRequests.PatientView(patient.PrefetchJson()));
        var fetched = await cds.CardsAsync(CdsServiceCatalog.PatientViewId, CdsRequests.PatientView(prefetch: null, fhirServer: fhir.BaseUrl));

        Assert.Equal(Without(full[0], "uuid", "links"), Without(fetched[0], "uuid", "links"));
        Assert.Equal(CdsServiceCatalog.Prefetch.Count, fhir.Requests.Count);
        Assert.All(fhir.Requests, r => Assert.True(r.Authorised));
        Assert.Contains(fhir.Requests, r => r.PathAndQuery == $"/fhir/Patient/{FhirCase.PatientId}");
    }

    [Fact]
    public async Task Partly_missing_prefetch_without_a_fhir_server_is_reported_in_the_card_not_guessed()
    {
        var prefetch = ChronicItp().Remove(CdsServiceCatalog.Keys.Alt).Remove(CdsServiceCatalog.Keys.MedicationRequests)
            .Remove(CdsServiceCatalog.Keys.MedicationStatements).PrefetchJson();
        var cards = await cds.CardsAsync(CdsServiceCatalog.PatientViewId, CdsRequests.PatientView(prefetch));
        var detail = cards[0].GetProperty("detail").GetString()!;
        Assert.Contains("ALT not available.", detail);
        Assert.Contains("Current medicines not available.", detail);
    }

    [Fact]
    public async Task Without_the_patient_and_without_a_reachable_fhir_server_the_answer_is_412()
    {
        // The specification's own example: only the Patient under another key, and a plain-http FHIR server that is
        // not on loopback (never called).
        var request = new JsonObject
        {
            ["hookInstance"] = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
            ["fhirServer"] = "http://hooks.smarthealthit.org:9080",
            ["hook"] = "patient-view",
            ["fhirAuthorization"] = new JsonObject
            {
                ["access_token"] = "some-opaque-fhir-access-token", ["token_type"] = "Bearer", ["expires_in"] = 300,
                ["scope"] = "user/Patient.read user/Observation.read", ["subject"] = "cds-service4",
            },
            ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = "1288992", ["encounterId"] = "89284" },
            ["prefetch"] = new JsonObject
            {
                ["patientToGreet"] = new JsonObject { ["resourceType"] = "Patient", ["gender"] = "male", ["birthDate"] = "1925-12-23", ["id"] = "1288992", ["active"] = true },
            },
        };
        using var response = await cds.PostAsync(CdsServiceCatalog.PatientViewId, request.ToJsonString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task Bad_requests_get_4xx_never_5xx()
    {
        using var wrongHook = await cds.PostAsync(CdsServiceCatalog.PatientViewId, CdsRequests.Order(CdsServiceCatalog.OrderSign, new FhirCase().PrefetchJson(), []));
        Assert.Equal(HttpStatusCode.BadRequest, wrongHook.StatusCode);
        using var notJson = await cds.PostAsync(CdsServiceCatalog.PatientViewId, "{ not json");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        using var unknown = await cds.PostAsync("no-such-service", "{}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var huge = await cds.PostAsync(CdsServiceCatalog.PatientViewId, "{\"hook\":\"" + new string('x', 300_000) + "\"}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    private static string Without(JsonElement card, params string[] names)
    {
        var node = JsonNode.Parse(card.GetRawText())!.AsObject();
        foreach (var name in names) node.Remove(name);
        return node.ToJsonString();
    }
}
