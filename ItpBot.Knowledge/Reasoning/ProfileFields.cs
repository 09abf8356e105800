namespace ItpBot.Knowledge.Reasoning;

/// <summary>The contract's JSON names of profile fields, as reported in <c>missing</c>.</summary>
public static class ProfileFields
{
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
    public const string UpcomingProcedure = "upcomingProcedure";
}
