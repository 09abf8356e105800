using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using ItpBot.CdsHooks;
using static ItpBot.CdsHooks.CdsServiceCatalog;

namespace ItpBot.Tests.CdsHooks;

/// <summary>One invented patient as FHIR R4 resources, filed under the prefetch keys they answer.</summary>
public sealed class FhirCase
{
    public const string PatientId = "pat-itp-1";
    private static readonly DateTimeOffset Recent = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, List<Resource>> _byKey = new(StringComparer.Ordinal);
    private int _ids;

    public FhirCase(string gender = "female", string birthDate = "1985-04-12")
    {
        Patient = new Patient
        {
            Id = PatientId,
            Gender = gender == "female" ? AdministrativeGender.Female : AdministrativeGender.Male,
            BirthDate = birthDate,
        };
        File(Keys.Patient, Patient);
        // Every search key answered (empty) unless a test adds to it or removes it.
        foreach (var key in Prefetch.Keys) _byKey.TryAdd(key, []);
    }

    public Patient Patient { get; }

    public IEnumerable<Resource> All => _byKey.Values.SelectMany(r => r).Distinct();

    public FhirCase Remove(string key)
    {
        _byKey.Remove(key);
        return this;
    }

    public FhirCase Itp(string onset = "2024-05-01", string system = ClinicalCodes.Icd10Cm, string code = ClinicalCodes.ItpIcd10) =>
        File(Keys.ItpConditions, new Condition
        {
            Id = NextId("cond"),
            Subject = Subject,
            Code = new CodeableConcept(system, code, "Immune thrombocytopenia"),
            Onset = new FhirDateTime(onset),
        });

    public FhirCase Observation(string key, string loinc, Quantity value, Quantity? high = null, DateTimeOffset? when = null)
    {
        var observation = new Observation
        {
            Id = NextId("obs"),
            Status = ObservationStatus.Final,
            Subject = Subject,
            Code = new CodeableConcept(ClinicalCodes.Loinc, loinc),
            Effective = new FhirDateTime(when ?? Recent),
            Value = value,
        };
        if (high is not null) observation.ReferenceRange.Add(new Observation.ReferenceRangeComponent { High = high });
        return File(key, observation);
    }

    public FhirCase Platelets(decimal value, string unit = "10*9/L") =>
        Observation(Keys.PlateletCount, "777-3", Ucum(value, unit));

    public FhirCase Haemoglobin(decimal value, string unit = "g/dL") =>
        Observation(Keys.Haemoglobin, "718-7", Ucum(value, unit));

    public FhirCase Alt(decimal value, decimal upperLimit) =>
        Observation(Keys.Alt, "1742-6", Ucum(value, "U/L"), Ucum(upperLimit, "U/L"));

    public FhirCase Weight(decimal value, string unit = "kg") =>
        Observation(Keys.BodyWeight, "29463-7", Ucum(value, unit));

    public FhirCase Coded(string key, string loinc, string system, string code, string? display = null) =>
        File(key, new Observation
        {
            Id = NextId("obs"),
            Status = ObservationStatus.Final,
            Subject = Subject,
            Code = new CodeableConcept(ClinicalCodes.Loinc, loinc),
            Effective = new FhirDateTime(Recent),
            Value = new CodeableConcept(system, code, display),
        });

    public FhirCase Pregnant(bool pregnant = true) =>
        Coded(Keys.PregnancyStatus, "82810-3", ClinicalCodes.Loinc, pregnant ? ClinicalCodes.AnswerPregnant : ClinicalCodes.AnswerNotPregnant);

    public FhirCase HbsAg(bool positive) =>
        Coded(Keys.HepatitisB, "5196-1", ClinicalCodes.Snomed, positive ? ClinicalCodes.SnomedPositive : ClinicalCodes.SnomedNegative);

    public FhirCase AntiHbc(bool positive) =>
        Coded(Keys.HepatitisB, "16933-4", ClinicalCodes.Snomed, positive ? ClinicalCodes.SnomedPositive : ClinicalCodes.SnomedNegative);

    public FhirCase Medication(string text, string? system = null, string? code = null, bool statement = false)
    {
        var concept = new CodeableConcept { Text = text };
        if (system is not null && code is not null) concept.Coding.Add(new Coding(system, code));
        return statement
            ? File(Keys.MedicationStatements, new MedicationStatement
            {
                Id = NextId("ms"), Status = MedicationStatement.MedicationStatusCodes.Active, Subject = Subject, Medication = concept,
            })
            : File(Keys.MedicationRequests, new MedicationRequest
            {
                Id = NextId("mr"), Status = MedicationRequest.MedicationrequestStatus.Active,
                Intent = MedicationRequest.MedicationRequestIntent.Order, Subject = Subject, Medication = concept,
            });
    }

    public FhirCase Splenectomy(string code = "234319005") =>
        File(Keys.Splenectomy, new Procedure
        {
            Id = NextId("proc"), Status = EventStatus.Completed, Subject = Subject, Code = new CodeableConcept(ClinicalCodes.Snomed, code, "Splenectomy"),
        });

    public FhirCase Vaccine(string cvx, string display) =>
        File(Keys.Immunizations, new Immunization
        {
            Id = NextId("imm"), Status = Immunization.ImmunizationStatusCodes.Completed, Patient = Subject,
            VaccineCode = new CodeableConcept(ClinicalCodes.Cvx, cvx, display), Occurrence = new FhirDateTime("2026-01-10"),
        });

    public FhirCase AllVaccines() => Vaccine("216", "PCV20").Vaccine("203", "MenACWY-TT").Vaccine("48", "Hib (PRP-T)");

    /// <summary>The prefetch object: the Patient itself, and a searchset Bundle (or null when empty) per search key.</summary>
    public JsonObject PrefetchJson(bool nullForEmpty = true)
    {
        var prefetch = new JsonObject();
        foreach (var (key, resources) in _byKey)
        {
            if (key == Keys.Patient)
            {
                prefetch[key] = Json(Patient);
                continue;
            }
            if (resources.Count == 0 && nullForEmpty)
            {
                prefetch[key] = null;
                continue;
            }
            var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = resources.Count };
            foreach (var resource in resources) bundle.Entry.Add(new Bundle.EntryComponent { Resource = resource });
            prefetch[key] = Json(bundle);
        }
        return prefetch;
    }

    /// <summary>The record the loader would build from <see cref="PrefetchJson"/>: removed keys are unavailable.</summary>
    public PatientRecord Record() => new(
        PatientId,
        Patient,
        _byKey.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Resource>)kv.Value.ToList(), StringComparer.Ordinal),
        Prefetch.Keys.Where(k => !_byKey.ContainsKey(k)).ToHashSet(StringComparer.Ordinal));

    public FhirCase Add(string key, Resource resource) => File(key, resource);

    public static JsonNode Json(Resource resource) => JsonNode.Parse(JsonSerializer.Serialize(resource, FhirJson.Options))!;

    public static Quantity Ucum(decimal value, string unit) => new(value, unit, "http://unitsofmeasure.org") { Unit = unit };

    public static ResourceReference Subject => new($"Patient/{PatientId}");

    private FhirCase File(string key, Resource resource)
    {
        if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
        list.Add(resource);
        return this;
    }

    private string NextId(string prefix) => $"{prefix}-{++_ids}";

    /// <summary>A draft MedicationRequest as an EHR puts it in <c>context.draftOrders</c>.</summary>
    public static MedicationRequest DraftMedication(string id, string text, string? system = null, string? code = null)
    {
        var concept = new CodeableConcept { Text = text };
        if (system is not null && code is not null) concept.Coding.Add(new Coding(system, code));
        return new MedicationRequest
        {
            Id = id, Status = MedicationRequest.MedicationrequestStatus.Draft, Intent = MedicationRequest.MedicationRequestIntent.Order,
            Subject = Subject, Medication = concept,
        };
    }

    public static ServiceRequest DraftSplenectomy(string id) => new()
    {
        Id = id, Status = RequestStatus.Draft, Intent = RequestIntent.Order, Subject = Subject,
        Code = new CodeableConcept(ClinicalCodes.Snomed, "234319005", "Splenectomy"),
    };
}

/// <summary>Hook requests shaped like the CDS Hooks 2.0 specification's examples.</summary>
public static class CdsRequests
{
    public static string PatientView(JsonObject? prefetch, string? fhirServer = null, string patientId = FhirCase.PatientId) =>
        Request(CdsServiceCatalog.PatientView, patientId, prefetch, fhirServer, null, null);

    public static string Order(string hook, JsonObject? prefetch, IEnumerable<Resource> drafts, IEnumerable<string>? selections = null, string? fhirServer = null) =>
        Request(hook, FhirCase.PatientId, prefetch, fhirServer, drafts, selections);

    private static string Request(string hook, string patientId, JsonObject? prefetch, string? fhirServer, IEnumerable<Resource>? drafts, IEnumerable<string>? selections)
    {
        var context = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = patientId, ["encounterId"] = "89284" };
        if (drafts is not null)
        {
            var bundle = new Bundle { Type = Bundle.BundleType.Collection };
            foreach (var draft in drafts) bundle.Entry.Add(new Bundle.EntryComponent { Resource = draft });
            context["draftOrders"] = FhirCase.Json(bundle);
            if (hook == CdsServiceCatalog.OrderSelect)
                context["selections"] = new JsonArray((selections ?? bundle.Entry.Select(e => $"{e.Resource!.TypeName}/{e.Resource.Id}")).Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
        }
        var request = new JsonObject
        {
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["hook"] = hook,
            ["context"] = context,
        };
        if (fhirServer is not null)
        {
            request["fhirServer"] = fhirServer;
            request["fhirAuthorization"] = new JsonObject
            {
                ["access_token"] = FakeFhirServer.AccessToken,
                ["token_type"] = "Bearer",
                ["expires_in"] = 300,
                ["scope"] = "user/Patient.read user/Observation.read",
                ["subject"] = "itpbot-cds",
            };
        }
        if (prefetch is not null) request["prefetch"] = prefetch;
        return request.ToJsonString();
    }
}
