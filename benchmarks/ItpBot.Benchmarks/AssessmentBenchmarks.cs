using BenchmarkDotNet.Attributes;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;

namespace ItpBot.Benchmarks;

/// <summary>Latency and allocations of one <see cref="TreatmentAdvisor.Assess"/> call on typical profiles.</summary>
[MemoryDiagnoser]
public class AssessmentBenchmarks
{
    private readonly TreatmentAdvisor _advisor = new(KnowledgeBase.LoadEmbedded());

    internal static readonly PatientProfile SteroidDependent = new()
    {
        AgeYears = 45, Sex = Sex.Female, WeightKg = 70, MonthsSinceDiagnosis = 24, PlateletCount = 18, Bleeding = Bleeding.Skin,
        PriorTreatments = [new PriorTreatment(TherapyIds.Prednisone, TreatmentOutcome.Dependent)],
        Splenectomy = false, Antithrombotics = [], Comorbidities = [Comorbidity.Hypertension], Pregnant = false,
        EastAsianAncestry = false, Preferences = [Preference.Oral], Unavailable = [], UpcomingProcedure = false,
    };

    internal static readonly PatientProfile Emergency = new()
    {
        Bleeding = Bleeding.Critical, PlateletCount = 4, WeightKg = 80, Antithrombotics = [Antithrombotic.Anticoagulant],
    };

    internal static readonly PatientProfile Refractory = SteroidDependent with
    {
        Splenectomy = true,
        Comorbidities = [Comorbidity.ThrombosisHistory, Comorbidity.LiverDisease],
        PriorTreatments =
        [
            new PriorTreatment(TherapyIds.Prednisone, TreatmentOutcome.Dependent),
            new PriorTreatment(TherapyIds.Romiplostim, TreatmentOutcome.NoResponse),
            new PriorTreatment(TherapyIds.Rituximab, TreatmentOutcome.Relapsed),
            new PriorTreatment(TherapyIds.Splenectomy, TreatmentOutcome.Relapsed),
        ],
    };

    internal static readonly PatientProfile Pregnant = SteroidDependent with
    {
        Pregnant = true, GestationWeeks = 30, PriorTreatments = [], PlateletCount = 22, Audience = Audience.Patient,
    };

    // Version 2 inputs: current drugs (interactions, antithrombotics), liver tests, HBV, a question to answer.
    internal static readonly PatientProfile DrugsAndQuestion = SteroidDependent with
    {
        AgeYears = 61, Sex = Sex.Male, Preferences = [Preference.Oral, Preference.AvoidInjections],
        CurrentDrugs = ["apixaban", "rosuvastatin", "calcium carbonate", "omeprazole", "amlodipine"],
        AltTimesUpperLimit = 1.2, HbvStatus = HbvStatus.Resolved,
        Question = "He refuses injections. Which tablet is best for him, and should I stop the apixaban?",
    };

    /// <summary>The profiles by benchmark name, for the stage breakdown.</summary>
    internal static readonly (string Name, PatientProfile Profile)[] All =
    [
        (nameof(WithDrugsAndQuestion), DrugsAndQuestion), (nameof(SecondLine), SteroidDependent), (nameof(EmergencyBleeding), Emergency),
        (nameof(RefractoryDisease), Refractory), (nameof(Pregnancy), Pregnant), (nameof(EmptyProfile), new PatientProfile()),
    ];

    /// <summary>
    /// Every profile until the JIT has promoted the reasoning to tier 1. Without it the first benchmark in the list
    /// measured tier-0 code (it read 215 µs, and 1.6 ms on a busy machine, for what costs a fraction of that warm).
    /// </summary>
    [GlobalSetup]
    public void WarmUp()
    {
        var until = DateTime.UtcNow.AddSeconds(1);
        while (DateTime.UtcNow < until)
            foreach (var (_, profile) in All) _advisor.Assess(profile);
        Thread.Sleep(500);
        foreach (var (_, profile) in All) _advisor.Assess(profile);
    }

    [Benchmark]
    public Assessment WithDrugsAndQuestion() => _advisor.Assess(DrugsAndQuestion);

    [Benchmark(Baseline = true)]
    public Assessment SecondLine() => _advisor.Assess(SteroidDependent);

    [Benchmark]
    public Assessment EmergencyBleeding() => _advisor.Assess(Emergency);

    [Benchmark]
    public Assessment RefractoryDisease() => _advisor.Assess(Refractory);

    [Benchmark]
    public Assessment Pregnancy() => _advisor.Assess(Pregnant);

    [Benchmark]
    public Assessment EmptyProfile() => _advisor.Assess(new PatientProfile());
}
