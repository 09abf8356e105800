namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// The patient facts the conversation knows about, one per entry of <see cref="Fields.FieldRegistry"/> (which holds
/// their order, question, reader, merge rule, bounds and label). Stored in conversation state by name, so new
/// members go at the end.
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
    UpcomingProcedure,

    // Contract version 2.
    PregnancyPlanned,
    ChildbearingPotential,
    Vaccinations,
    CurrentDrugs,
    Haemoglobin,
    Alt,
    HbvStatus,
    Procedure,
    Question,
}
