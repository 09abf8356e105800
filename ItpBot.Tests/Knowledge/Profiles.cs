using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;

namespace ItpBot.Tests.Knowledge;

/// <summary>Profiles for the reasoning tests: a fully known baseline that each test changes only where it matters.</summary>
internal static class Profiles
{
    public static readonly TreatmentAdvisor Advisor = new(KnowledgeBase.LoadEmbedded());

    /// <summary>Chronic ITP, corticosteroid-dependent, count 18, no bleeding, nothing else relevant; every field known.</summary>
    public static PatientProfile ChronicSteroidDependent => new()
    {
        Audience = Audience.Clinician,
        AgeYears = 45,
        Sex = Sex.Male,
        WeightKg = 70,
        MonthsSinceDiagnosis = 24,
        PlateletCount = 18,
        Bleeding = Bleeding.None,
        PriorTreatments = [new PriorTreatment(TherapyIds.Prednisone, TreatmentOutcome.Dependent)],
        Splenectomy = false,
        Antithrombotics = [],
        Comorbidities = [],
        Pregnant = false,
        EastAsianAncestry = false,
        Preferences = [],
        Unavailable = [],
        UpcomingProcedure = false,
    };

    /// <summary>Newly diagnosed (one month), untreated, count 12, skin bleeding.</summary>
    public static PatientProfile NewlyDiagnosed => ChronicSteroidDependent with
    {
        MonthsSinceDiagnosis = 1,
        PlateletCount = 12,
        Bleeding = Bleeding.Skin,
        PriorTreatments = [],
    };

    public static PatientProfile Pregnant => ChronicSteroidDependent with
    {
        Sex = Sex.Female,
        AgeYears = 31,
        Pregnant = true,
        GestationWeeks = 24,
        PriorTreatments = [],
        PlateletCount = 22,
    };

    public static Assessment Assess(PatientProfile profile) => Advisor.Assess(profile);

    public static IReadOnlyList<string> Offered(this Assessment a) => a.Options.Select(o => o.Therapy).ToList();

    public static IReadOnlyList<string> Avoided(this Assessment a) => a.Avoid.Select(o => o.Therapy).ToList();

    public static IReadOnlyList<string> AlertCodes(this Assessment a) => a.Alerts.Select(o => o.Code).ToList();

    public static TreatmentOption Option(this Assessment a, string therapy) => a.Options.Single(o => o.Therapy == therapy);

    public static TreatmentOption First(this Assessment a) => a.Options.First();
}
