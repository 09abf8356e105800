using ItpBot.Knowledge.Model;
using ItpBot.Dialogs.Understanding;

namespace ItpBot.Dialogs.Conversation;

/// <summary>Which intake question a contract field answers.</summary>
public static class IntakeFields
{
    public static IntakeField? FromContractName(string field) => field switch
    {
        ProfileFields.PlateletCount => IntakeField.PlateletCount,
        ProfileFields.Bleeding => IntakeField.Bleeding,
        ProfileFields.MonthsSinceDiagnosis => IntakeField.TimeSinceDiagnosis,
        ProfileFields.PriorTreatments => IntakeField.PriorTreatments,
        ProfileFields.Splenectomy => IntakeField.Splenectomy,
        ProfileFields.Antithrombotics => IntakeField.Antithrombotics,
        ProfileFields.Comorbidities => IntakeField.Comorbidities,
        ProfileFields.AgeYears => IntakeField.Age,
        ProfileFields.Sex => IntakeField.Sex,
        ProfileFields.WeightKg => IntakeField.Weight,
        ProfileFields.Pregnant or ProfileFields.GestationWeeks => IntakeField.Pregnancy,
        ProfileFields.EastAsianAncestry => IntakeField.Ancestry,
        ProfileFields.Preferences => IntakeField.Preferences,
        ProfileFields.Unavailable => IntakeField.Unavailable,
        _ => null,
    };
}
