using Hl7.Fhir.Model;
using ItpBot.CdsHooks;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using static ItpBot.CdsHooks.CdsServiceCatalog;

namespace ItpBot.Tests.CdsHooks;

/// <summary>The FHIR-to-profile mapping, resource by resource: what is read, and what is reported instead of guessed.</summary>
public sealed class FhirProfileMapperTests
{
    public static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly Terminology Codes = new(KnowledgeBase.LoadEmbedded());

    public static MappedProfile Map(FhirCase patient) => new FhirProfileMapper(Codes, new FixedTime(Now)).Map(patient.Record());

    [Fact]
    public void Patient_gives_age_from_a_full_birth_date_and_sex()
    {
        var mapped = Map(new FhirCase(gender: "female", birthDate: "1985-12-07"));
        Assert.Equal(40, mapped.Profile.AgeYears);
        Assert.Equal(Sex.Female, mapped.Profile.Sex);

        var yearOnly = Map(new FhirCase(birthDate: "1985"));
        Assert.Null(yearOnly.Profile.AgeYears);
        Assert.Contains("Full birth date not recorded: age unknown.", yearOnly.NotMapped);
    }

    [Theory]
    [InlineData(18, "10*9/L", 18.0)]
    [InlineData(18, "10*3/uL", 18.0)]
    [InlineData(18000, "/uL", 18.0)]
    public void Platelet_count_is_read_in_its_units(decimal value, string unit, double expected) =>
        Assert.Equal(expected, Map(new FhirCase().Platelets(value, unit)).Profile.PlateletCount);

    [Fact]
    public void A_result_in_an_unknown_unit_is_reported_not_converted()
    {
        var mapped = Map(new FhirCase().Platelets(18, "mg"));
        Assert.Null(mapped.Profile.PlateletCount);
        Assert.Contains("Platelet count: result without a readable value and unit.", mapped.NotMapped);
    }

    [Fact]
    public void The_latest_result_wins()
    {
        var patient = new FhirCase()
            .Observation(Keys.PlateletCount, "777-3", FhirCase.Ucum(90, "10*9/L"), when: Now.AddDays(-40))
            .Observation(Keys.PlateletCount, "26515-7", FhirCase.Ucum(12, "10*9/L"), when: Now.AddDays(-1));
        Assert.Equal(12, Map(patient).Profile.PlateletCount);
    }

    [Theory]
    [InlineData(11.2, "g/dL", 11.2)]
    [InlineData(112, "g/L", 11.2)]
    [InlineData(7, "mmol/L", 11.3)]
    public void Haemoglobin_is_read_in_g_per_dl(decimal value, string unit, double expected) =>
        Assert.Equal(expected, Map(new FhirCase().Haemoglobin(value, unit)).Profile.Haemoglobin);

    [Fact]
    public void Alt_is_a_multiple_of_its_own_reference_limit_and_unknown_without_one()
    {
        Assert.Equal(3, Map(new FhirCase().Alt(120, 40)).Profile.AltTimesUpperLimit);

        var noLimit = Map(new FhirCase().Observation(Keys.Alt, "1742-6", FhirCase.Ucum(120, "U/L")));
        Assert.Null(noLimit.Profile.AltTimesUpperLimit);
        Assert.Contains(noLimit.NotMapped, n => n.StartsWith("ALT: no value with an upper reference limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Weight_in_pounds_is_converted() =>
        Assert.Equal(69.9, Map(new FhirCase().Weight(154, "[lb_av]")).Profile.WeightKg);

    [Fact]
    public void Months_since_diagnosis_come_from_the_itp_condition_onset()
    {
        var mapped = Map(new FhirCase().Itp(onset: "2024-12-06"));
        Assert.True(mapped.HasItpDiagnosis);
        Assert.InRange(mapped.Profile.MonthsSinceDiagnosis!.Value, 23.9, 24.1);

        var snomed = Map(new FhirCase().Itp(onset: "2026-11-06", system: ClinicalCodes.Snomed, code: "2897005"));
        Assert.InRange(snomed.Profile.MonthsSinceDiagnosis!.Value, 0.9, 1.1);

        var undated = new FhirCase().Add(Keys.ItpConditions, new Condition { Code = new CodeableConcept(ClinicalCodes.Icd10, "D69.3") });
        Assert.Contains("ITP onset date not recorded: time since diagnosis unknown.", Map(undated).NotMapped);

        var refuted = new FhirCase().Add(Keys.ItpConditions, new Condition
        {
            Code = new CodeableConcept(ClinicalCodes.Icd10, "D69.3"),
            VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "refuted"),
        });
        Assert.False(Map(refuted).HasItpDiagnosis);
    }

    [Fact]
    public void Pregnancy_status_is_read_for_women_only()
    {
        Assert.True(Map(new FhirCase(gender: "female").Pregnant()).Profile.Pregnant);
        Assert.False(Map(new FhirCase(gender: "female").Pregnant(false)).Profile.Pregnant);
        var snomed = new FhirCase(gender: "female").Coded(Keys.PregnancyStatus, "82810-3", ClinicalCodes.Snomed, ClinicalCodes.SnomedPregnant);
        Assert.True(Map(snomed).Profile.Pregnant);
        Assert.Contains("Pregnancy status not recorded.", Map(new FhirCase(gender: "female")).NotMapped);
        Assert.DoesNotContain(Map(new FhirCase(gender: "male")).NotMapped, n => n.Contains("Pregnancy", StringComparison.Ordinal));
    }

    [Fact]
    public void Hepatitis_b_status_needs_both_markers_where_it_matters()
    {
        Assert.Equal(HbvStatus.Chronic, Map(new FhirCase().HbsAg(true)).Profile.HbvStatus);
        Assert.Equal(HbvStatus.Resolved, Map(new FhirCase().HbsAg(false).AntiHbc(true)).Profile.HbvStatus);
        Assert.Equal(HbvStatus.Negative, Map(new FhirCase().HbsAg(false).AntiHbc(false)).Profile.HbvStatus);
        var half = Map(new FhirCase().HbsAg(false));
        Assert.Null(half.Profile.HbvStatus);
        Assert.Contains(half.NotMapped, n => n.StartsWith("Hepatitis B status unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Splenectomy_is_true_when_on_record_false_when_searched_and_absent_unknown_when_not_given()
    {
        Assert.True(Map(new FhirCase().Splenectomy()).Profile.Splenectomy);
        Assert.False(Map(new FhirCase()).Profile.Splenectomy);
        var unknown = Map(new FhirCase().Remove(Keys.Splenectomy));
        Assert.Null(unknown.Profile.Splenectomy);
        Assert.Contains("Splenectomy history (Procedure) not available.", unknown.NotMapped);
    }

    [Fact]
    public void Drugs_are_recognised_by_rxnorm_then_atc_then_name_and_the_rest_kept_as_written()
    {
        var mapped = Map(new FhirCase()
            .Medication("Eliquis 5 MG Oral Tablet", ClinicalCodes.RxNorm, "1364430")
            .Medication("ASA 81", ClinicalCodes.Atc, "B01AC06")
            .Medication("Xarelto 20 mg tablet", statement: true)
            .Medication("Revolade 50 mg")
            .Medication("Zzunknownol 10 mg"));

        Assert.Equal(["apixaban", "aspirin", "eltrombopag", "rivaroxaban", "Zzunknownol 10 mg"],
            mapped.Profile.CurrentDrugs!.Order(StringComparer.OrdinalIgnoreCase).ToList());
        Assert.Equal([Antithrombotic.Anticoagulant, Antithrombotic.Antiplatelet], mapped.Profile.Antithrombotics!.Order().ToList());
        Assert.Contains(mapped.KnownCurrentDrugs, d => d.Therapy == TherapyIds.Eltrombopag);
        Assert.Contains("Medicines not recognised by code or name: Zzunknownol 10 mg.", mapped.NotMapped);
    }

    [Fact]
    public void A_medication_reached_through_a_contained_resource_is_recognised()
    {
        var request = new MedicationRequest
        {
            Status = MedicationRequest.MedicationrequestStatus.Active,
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Medication = new ResourceReference("#med"),
        };
        request.Contained.Add(new Medication { Id = "med", Code = new CodeableConcept(ClinicalCodes.Atc, "B01AF02", "apixaban") });
        var mapped = Map(new FhirCase().Add(Keys.MedicationRequests, request));
        Assert.Equal(["apixaban"], mapped.Profile.CurrentDrugs);
    }

    [Fact]
    public void Vaccination_is_up_to_date_only_when_every_group_is_on_record()
    {
        Assert.True(Map(new FhirCase().AllVaccines()).Profile.VaccinationsUpToDate);
        var partial = Map(new FhirCase().Vaccine("216", "PCV20").Vaccine("203", "MenACWY-TT"));
        Assert.Null(partial.Profile.VaccinationsUpToDate);
        Assert.Contains("Vaccination not on record: hib.", partial.NotMapped);
    }

    [Fact]
    public void Firely_reads_single_resources_and_bundles_leniently()
    {
        using var patient = System.Text.Json.JsonDocument.Parse("""{"resourceType":"Patient","id":"x","gender":"male","futureElement":1}""");
        Assert.IsType<Patient>(FhirJson.Parse(patient.RootElement));

        using var bundle = System.Text.Json.JsonDocument.Parse("""
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"}}},
              {"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"warning","code":"processing"}]}}]}
            """);
        var flattened = FhirJson.Flatten(FhirJson.Parse(bundle.RootElement)!);
        Assert.IsType<Observation>(Assert.Single(flattened));

        using var notFhir = System.Text.Json.JsonDocument.Parse("""{"resourceType":"NoSuchThing"}""");
        Assert.Null(FhirJson.Parse(notFhir.RootElement));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
