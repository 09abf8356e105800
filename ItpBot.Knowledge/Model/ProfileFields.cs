namespace ItpBot.Knowledge.Model;

/// <summary>The contract's (camelCase) field names of <see cref="PatientProfile"/>, and which a profile has.</summary>
public static class ProfileFields
{
    public const string Audience = "audience";
    public const string AgeYears = "ageYears";
    public const string Sex = "sex";
    public const string WeightKg = "weightKg";
    public const string MonthsSinceDiagnosis = "monthsSinceDiagnosis";
    public const string PlateletCount = "plateletCount";
    public const string Bleeding = "bleeding";
    public const string PriorTreatments = "priorTreatments";
    public const string Splenectomy = "splenectomy";
    public const string Antithrombotics = "antithrombotics";
    public const string Comorbidities = "comorbidities";
    public const string Pregnant = "pregnant";
    public const string GestationWeeks = "gestationWeeks";
    public const string EastAsianAncestry = "eastAsianAncestry";
    public const string Preferences = "preferences";
    public const string Unavailable = "unavailable";
    public const string UpcomingProcedure = "upcomingProcedure";
    public const string PregnancyPlanned = "pregnancyPlanned";
    public const string ChildbearingPotential = "childbearingPotential";
    public const string VaccinationsUpToDate = "vaccinationsUpToDate";
    public const string CurrentDrugs = "currentDrugs";
    public const string Haemoglobin = "haemoglobin";
    public const string AltTimesUpperLimit = "altTimesUpperLimit";
    public const string HbvStatus = "hbvStatus";
    public const string Procedure = "procedure";
    public const string Question = "question";

    /// <summary>Names of the fields that have a value (a list counts when it is not empty), in contract order.</summary>
    public static IReadOnlyList<string> Filled(PatientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var filled = new List<string>();
        Add(Audience, profile.Audience is not null);
        Add(AgeYears, profile.AgeYears is not null);
        Add(Sex, profile.Sex is not null);
        Add(WeightKg, profile.WeightKg is not null);
        Add(MonthsSinceDiagnosis, profile.MonthsSinceDiagnosis is not null);
        Add(PlateletCount, profile.PlateletCount is not null);
        Add(Bleeding, profile.Bleeding is not null);
        Add(PriorTreatments, profile.PriorTreatments is { Count: > 0 });
        Add(Splenectomy, profile.Splenectomy is not null);
        Add(Antithrombotics, profile.Antithrombotics is { Count: > 0 });
        Add(Comorbidities, profile.Comorbidities is { Count: > 0 });
        Add(Pregnant, profile.Pregnant is not null);
        Add(GestationWeeks, profile.GestationWeeks is not null);
        Add(EastAsianAncestry, profile.EastAsianAncestry is not null);
        Add(Preferences, profile.Preferences is { Count: > 0 });
        Add(Unavailable, profile.Unavailable is { Count: > 0 });
        Add(UpcomingProcedure, profile.UpcomingProcedure is not null);
        Add(PregnancyPlanned, profile.PregnancyPlanned is not null);
        Add(ChildbearingPotential, profile.ChildbearingPotential is not null);
        Add(VaccinationsUpToDate, profile.VaccinationsUpToDate is not null);
        Add(CurrentDrugs, profile.CurrentDrugs is { Count: > 0 });
        Add(Haemoglobin, profile.Haemoglobin is not null);
        Add(AltTimesUpperLimit, profile.AltTimesUpperLimit is not null);
        Add(HbvStatus, profile.HbvStatus is not null);
        Add(Procedure, profile.Procedure is not null);
        Add(Question, !string.IsNullOrWhiteSpace(profile.Question));
        return filled;

        void Add(string name, bool has)
        {
            if (has)
            {
                filled.Add(name);
            }
        }
    }
}
