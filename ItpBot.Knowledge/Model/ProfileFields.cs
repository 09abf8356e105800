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
