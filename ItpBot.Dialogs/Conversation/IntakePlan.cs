using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// Which question comes next: the first one, in clinical order, whose answer is still unknown and that matters
/// for this patient. This is CoreBot's "skip the step whose value is known", made a rule.
/// </summary>
public sealed class IntakePlan(ITreatmentAdvisor advisor)
{
    public IntakeField? NextQuestion(PatientProfile profile, IReadOnlyCollection<IntakeField> skipped)
    {
        // Critical or severe bleeding: the emergency answer cannot wait for the rest of the history.
        if (profile.Bleeding is Bleeding.Critical or Bleeding.Severe)
        {
            return null;
        }

        foreach (var field in Enum.GetValues<IntakeField>())
        {
            if (!skipped.Contains(field) && !IsKnown(profile, field) && Matters(profile, field))
            {
                return field;
            }
        }

        return null;
    }

    public static bool IsKnown(PatientProfile profile, IntakeField field) => field switch
    {
        IntakeField.PlateletCount => profile.PlateletCount is not null,
        IntakeField.Bleeding => profile.Bleeding is not null,
        IntakeField.TimeSinceDiagnosis => profile.MonthsSinceDiagnosis is not null,
        IntakeField.PriorTreatments => profile.PriorTreatments is not null,
        IntakeField.Splenectomy => profile.Splenectomy is not null,
        IntakeField.Antithrombotics => profile.Antithrombotics is not null,
        IntakeField.Comorbidities => profile.Comorbidities is not null,
        IntakeField.Age => profile.AgeYears is not null,
        IntakeField.Sex => profile.Sex is not null,
        IntakeField.Weight => profile.WeightKg is not null,
        IntakeField.Pregnancy => profile.Pregnant is not null,
        IntakeField.Ancestry => profile.EastAsianAncestry is not null,
        IntakeField.Preferences => profile.Preferences is not null,
        IntakeField.Unavailable => profile.Unavailable is not null,
        _ => true,
    };

    private bool Matters(PatientProfile profile, IntakeField field) => field switch
    {
        IntakeField.Pregnancy => MayBePregnant(profile),
        IntakeField.Ancestry => EltrombopagMayBeOffered(profile),
        _ => true,
    };

    private static bool MayBePregnant(PatientProfile profile) =>
        profile.Sex != Sex.Male && profile.AgeYears is null or (>= 12 and <= 55);

    /// <summary>
    /// Ancestry only changes the eltrombopag starting dose: ask it only when eltrombopag is in the plan, alone or as
    /// the TPO-RA of a combination; not once eltrombopag failed or is to be avoided, whatever else is planned.
    /// </summary>
    private bool EltrombopagMayBeOffered(PatientProfile profile)
    {
        var assessment = advisor.Assess(profile);
        return assessment.Options.Any(o => o.Therapy == TherapyIds.Eltrombopag);
    }
}
