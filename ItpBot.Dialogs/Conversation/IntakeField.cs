namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// The questions of the intake, in the order a haematologist would ask them. Each fills one part of the
/// contract's PatientProfile.
/// </summary>
public enum IntakeField
{
    PlateletCount,
    Bleeding,
    TimeSinceDiagnosis,
    PriorTreatments,
    Splenectomy,
    Antithrombotics,
    Comorbidities,
    Age,
    Sex,
    Weight,
    Pregnancy,
    Ancestry,
    Preferences,
    Unavailable,
}
