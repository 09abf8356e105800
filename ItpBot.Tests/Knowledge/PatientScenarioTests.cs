using ItpBot.Knowledge.Model;
using static ItpBot.Tests.Knowledge.Profiles;
using Codes = ItpBot.Knowledge.Model.AlertCodes;
using T = ItpBot.Knowledge.Model.TherapyIds;

namespace ItpBot.Tests.Knowledge;

/// <summary>Patient scenarios: expected first choice, what must not be offered, and the alerts that must appear.</summary>
public class PatientScenarioTests
{
    public sealed record Scenario(string Name, PatientProfile Profile, string FirstChoice, string[] NotOffered, string[] Alerts)
    {
        public override string ToString() => Name;
    }

    private static readonly PatientProfile Chronic = ChronicSteroidDependent;

    public static TheoryData<Scenario> Scenarios => new()
    {
        new("Intracranial bleed, count 5",
            Chronic with { Bleeding = Bleeding.Critical, PlateletCount = 5 },
            T.PlateletTransfusion, [T.Observation, T.Splenectomy, T.Rituximab], [Codes.EmergencyBleeding]),
        new("GI bleed on an anticoagulant",
            Chronic with { Bleeding = Bleeding.Severe, PlateletCount = 9, Antithrombotics = [Antithrombotic.Anticoagulant] },
            T.PlateletTransfusion, [T.Observation], [Codes.EmergencyBleeding, Codes.HoldAnticoagulation]),
        new("Severe bleed in pregnancy",
            Pregnant with { Bleeding = Bleeding.Severe, PlateletCount = 6 },
            T.PlateletTransfusion, [T.VincaAlkaloids, T.Fostamatinib], [Codes.EmergencyBleeding, Codes.Pregnancy]),
        new("Severe bleed while already on eltrombopag",
            Chronic with { Bleeding = Bleeding.Severe, PlateletCount = 6,
                PriorTreatments = [new(T.Prednisone, TreatmentOutcome.Dependent), new(T.Eltrombopag, TreatmentOutcome.Ongoing)] },
            T.PlateletTransfusion, [T.Romiplostim, T.Avatrombopag], [Codes.EmergencyBleeding]),
        new("Severe bleed without IVIG available",
            Chronic with { Bleeding = Bleeding.Severe, Unavailable = [T.Ivig] },
            T.PlateletTransfusion, [T.Ivig], [Codes.EmergencyBleeding]),
        new("Newly diagnosed, count 12, petechiae",
            NewlyDiagnosed,
            T.Prednisone, [T.Splenectomy, T.Romiplostim, T.Rituximab], [Codes.TargetHaemostaticCount]),
        new("Newly diagnosed, count 45, no bleeding",
            NewlyDiagnosed with { PlateletCount = 45, Bleeding = Bleeding.None },
            T.Observation, [T.Prednisone, T.Dexamethasone], [Codes.TreatmentNotIndicated]),
        new("Chronic, count 60, bruising only",
            Chronic with { PlateletCount = 60, Bleeding = Bleeding.Skin, PriorTreatments = [] },
            T.Observation, [T.Romiplostim, T.Splenectomy], [Codes.TreatmentNotIndicated]),
        new("Chronic, corticosteroid-dependent, count 18",
            Chronic,
            T.Romiplostim, [T.Prednisone], [Codes.SwitchToSecondLine, Codes.ProlongedCorticosteroids,
                Codes.HbvScreenBeforeRituximab, Codes.VaccinateBeforeSplenectomy, Codes.TargetHaemostaticCount]),
        new("Persistent (6 months), no response to corticosteroids",
            Chronic with { MonthsSinceDiagnosis = 6, PriorTreatments = [new(T.Prednisone, TreatmentOutcome.NoResponse)] },
            T.Romiplostim, [T.Splenectomy], [Codes.DeferSplenectomy, Codes.SwitchToSecondLine]),
        new("Prefers tablets, East Asian ancestry",
            Chronic with { Preferences = [Preference.Oral], EastAsianAncestry = true },
            T.Eltrombopag, [T.Prednisone], [Codes.EltrombopagReducedStart]),
        new("Avoids injections, liver disease",
            Chronic with { Preferences = [Preference.AvoidInjections], Comorbidities = [Comorbidity.LiverDisease] },
            T.Avatrombopag, [T.Prednisone], [Codes.EltrombopagReducedStart]),
        // v2: splenectomy is the drug-free option in a man with ITP of more than a year (the seed restricts rituximab
        // in men and after 1 year); it was rituximab before issue 11.
        new("Values a drug-free remission",
            Chronic with { Preferences = [Preference.DrugFree] },
            T.Splenectomy, [T.Prednisone], [Codes.HbvScreenBeforeRituximab, Codes.VaccinateBeforeSplenectomy]),
        new("Does not want surgery",
            Chronic with { Preferences = [Preference.AvoidSurgery] },
            T.Romiplostim, [T.Splenectomy], [Codes.HbvScreenBeforeRituximab]),
        new("Romiplostim failed",
            Chronic with { PriorTreatments = [new(T.Prednisone, TreatmentOutcome.Dependent), new(T.Romiplostim, TreatmentOutcome.NoResponse)] },
            T.Eltrombopag, [T.Romiplostim], [Codes.CheckAdherenceAndAbsorption]),
        new("Refractory after TPO-RA, rituximab and splenectomy",
            Chronic with
            {
                Splenectomy = true,
                PriorTreatments = [new(T.Prednisone, TreatmentOutcome.Dependent), new(T.Romiplostim, TreatmentOutcome.NoResponse),
                    new(T.Rituximab, TreatmentOutcome.NoResponse), new(T.Splenectomy, TreatmentOutcome.Relapsed)],
            },
            T.Eltrombopag, [T.Romiplostim, T.Rituximab, T.Splenectomy],
            [Codes.ReassessDiagnosis, Codes.AccessorySpleen, Codes.CheckAdherenceAndAbsorption]),
        new("Pregnant, 24 weeks, count 22, untreated",
            Pregnant,
            T.Prednisone, [T.Fostamatinib, T.Mycophenolate, T.Danazol, T.Cyclophosphamide, T.VincaAlkaloids], [Codes.Pregnancy]),
        new("Pregnant, no response to prednisone",
            Pregnant with { PriorTreatments = [new(T.Prednisone, TreatmentOutcome.NoResponse)] },
            T.Ivig, [T.Fostamatinib, T.Rilzabrutinib, T.Mycophenolate], [Codes.Pregnancy]),
        // v2: prednisone and IVIG stand ready as rescue for a fall below 30 or bleeding (they were absent before issue 11).
        new("Pregnant, count 40, no bleeding, delivery not near",
            Pregnant with { PlateletCount = 40 },
            T.Observation, [T.Fostamatinib, T.Romiplostim], [Codes.Pregnancy, Codes.TreatmentNotIndicated]),
        new("Pregnant, count 40, delivery soon",
            Pregnant with { PlateletCount = 40, UpcomingProcedure = true, GestationWeeks = 38 },
            T.Prednisone, [T.Danazol], [Codes.Pregnancy]),
        new("Thrombosis history, corticosteroid-dependent",
            Chronic with { Comorbidities = [Comorbidity.ThrombosisHistory] },
            T.Romiplostim, [T.Prednisone], [Codes.ThrombosisRisk]),
        new("On an anticoagulant, count 35, no bleeding",
            Chronic with { PlateletCount = 35, Antithrombotics = [Antithrombotic.Anticoagulant] },
            T.Romiplostim, [T.Observation], [Codes.HoldAnticoagulation]),
        new("Hepatitis B carrier",
            Chronic with { Comorbidities = [Comorbidity.HepatitisB] },
            T.Romiplostim, [T.Prednisone], [Codes.HbvScreenBeforeRituximab]),
        new("Romiplostim and eltrombopag not obtainable",
            Chronic with { Unavailable = [T.Romiplostim, T.Eltrombopag] },
            T.Avatrombopag, [T.Romiplostim, T.Eltrombopag], [Codes.TargetHaemostaticCount]),
        // v2: the low-resource pathway leads with splenectomy (one-off cost, most durable); rituximab before issue 11.
        new("No TPO-RA obtainable (cost)",
            Chronic with { Unavailable = [T.Romiplostim, T.Eltrombopag, T.Avatrombopag] },
            T.Splenectomy, [T.Romiplostim, T.Eltrombopag, T.Avatrombopag], [Codes.HbvScreenBeforeRituximab]),
        new("Responding to romiplostim, count 80",
            Chronic with { PlateletCount = 80, PriorTreatments = [new(T.Prednisone, TreatmentOutcome.Dependent), new(T.Romiplostim, TreatmentOutcome.Response)] },
            T.Romiplostim, [T.Splenectomy, T.Rituximab], [Codes.TreatmentNotIndicated]),
        new("Surgery soon, count 40",
            Chronic with { PlateletCount = 40, UpcomingProcedure = true },
            T.Romiplostim, [T.Prednisone], [Codes.TargetHaemostaticCount]),
        new("Relapse after splenectomy",
            Chronic with { Splenectomy = true, PriorTreatments = [new(T.Prednisone, TreatmentOutcome.Dependent), new(T.Splenectomy, TreatmentOutcome.Relapsed)] },
            T.Romiplostim, [T.Splenectomy, T.AntiD], [Codes.AccessorySpleen]),
        new("Chronic, count 35, no bleeding, surgery soon, nothing else calls for treatment",
            Chronic with { PlateletCount = 35, UpcomingProcedure = true, PriorTreatments = [] },
            T.Ivig, [T.Splenectomy, T.Rituximab, T.Fostamatinib, T.Rilzabrutinib], []),
        new("Newly diagnosed, count 15: admission suggested",
            NewlyDiagnosed with { PlateletCount = 15 },
            T.Prednisone, [T.Splenectomy], [Codes.ConsiderAdmission]),
        new("Chronic on an anticoagulant, count 20",
            Chronic with { PlateletCount = 20, Antithrombotics = [Antithrombotic.Anticoagulant] },
            T.Romiplostim, [], [Codes.HoldAnticoagulation, Codes.ThrombosisRisk]),
        new("Eltrombopag not tolerated, prefers tablets",
            Chronic with { Preferences = [Preference.Oral], PriorTreatments = [new(T.Prednisone, TreatmentOutcome.Dependent), new(T.Eltrombopag, TreatmentOutcome.Intolerant)] },
            T.Avatrombopag, [T.Eltrombopag], [Codes.SwitchToSecondLine]),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_gives_the_expected_plan(Scenario scenario)
    {
        var a = Assess(scenario.Profile);

        Assert.Equal(scenario.FirstChoice, a.First().Therapy);
        Assert.Equal(OptionRole.FirstChoice, a.First().Role);
        foreach (var therapy in scenario.NotOffered) Assert.DoesNotContain(therapy, a.Offered());
        foreach (var code in scenario.Alerts) Assert.Contains(code, a.AlertCodes());
        Assert.Equal(Enumerable.Range(1, a.Options.Count), a.Options.Select(o => o.Rank));
        Assert.All(a.Options, o => Assert.NotEmpty(o.Rationale));
        Assert.All(a.Options, o => Assert.NotEmpty(o.Citations));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Patients_read_the_first_choice_reasons_in_patient_wording(Scenario scenario)
    {
        var clinician = Assess(scenario.Profile with { Audience = Audience.Clinician }).First();
        var patient = Assess(scenario.Profile with { Audience = Audience.Patient }).First();

        Assert.Equal(clinician.Rationale.Count, patient.Rationale.Count);
        foreach (var (forClinician, forPatient) in clinician.Rationale.Zip(patient.Rationale))
            Assert.NotEqual(forClinician, forPatient);
    }
}
