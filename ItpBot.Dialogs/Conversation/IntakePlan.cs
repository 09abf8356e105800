using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// Which question comes next: the first field of the registry, in clinical order, whose answer is still unknown
/// and that matters for this patient. This is CoreBot's "skip the step whose value is known", made a rule; a new
/// fact is asked only when it would change this patient's answer.
/// </summary>
public sealed class IntakePlan(ITreatmentAdvisor advisor)
{
    public IntakeField? NextQuestion(PatientProfile profile, IReadOnlyCollection<IntakeField> skipped) =>
        Next(profile, skipped) is { } next ? next[0] : null;

    /// <summary>
    /// The fields of the next question: the first wanted field alone, or, when it belongs to a question group and
    /// another field of that group is wanted too (or still unknown, for a group asked whole), the group's fields asked
    /// in one breath (the first wanted first). Null when nothing is left to ask.
    /// </summary>
    /// <param name="askedBefore">The fields questions have asked in this case: a field that shares another's part of a
    /// group's question joins it once (see <see cref="QuestionGroup.SharedParts"/>).</param>
    public IReadOnlyList<IntakeField>? Next(PatientProfile profile, IReadOnlyCollection<IntakeField> skipped, IReadOnlyCollection<IntakeField>? askedBefore = null)
    {
        // Critical or severe bleeding: the emergency answer cannot wait for the rest of the history.
        if (profile.Bleeding is Bleeding.Critical or Bleeding.Severe)
        {
            return null;
        }

        // Assessed at most once per question, and only when a field that depends on the plan is reached.
        Assessment? assessment = null;
        Assessment Assessed() => assessment ??= advisor.Assess(profile);
        bool Unknown(PatientField field) => field.IsAsked && !skipped.Contains(field.Id) && !field.IsKnown(profile);
        bool Wanted(PatientField field) => Unknown(field) && !SettledByItsGroup(profile, field.Id) && Matters(profile, field, Assessed);

        // A field a group's question asked in another's part, left unanswered there: not asked in the group again (the
        // same words twice in a row), but on its own when its turn comes.
        bool AskedInAnothersPart(QuestionGroup group, IntakeField field) =>
            askedBefore?.Contains(field) == true && group.SharedParts.Any(s => s.Field == field);

        // "Medicines taken now, including any blood thinner": the other medicines ride on the thinners' part, while the
        // case still lacks them and no question has asked for them yet.
        bool Rides(QuestionGroup group, IntakeField field) =>
            group.SharedParts.FirstOrDefault(s => s.Field == field) is { } shared
            && FieldRegistry.Get(field).IsAsked && !skipped.Contains(field) && askedBefore?.Contains(field) != true && shared.StillOpen(profile);

        foreach (var field in FieldRegistry.All)
        {
            if (!Wanted(field))
            {
                continue;
            }

            if (FieldRegistry.GroupOf(field.Id) is { } group)
            {
                var together = group.Fields.Where(f => f == field.Id || Wanted(FieldRegistry.Get(f)) && !AskedInAnothersPart(group, f)
                    || group.AskedWhole && Unknown(FieldRegistry.Get(f)) || Rides(group, f)).ToList();
                if (together.Count >= 2)
                {
                    return together;
                }
            }

            return Alone[field.Id];
        }

        return null;
    }

    // One list per field, built once: the usual next question costs no allocation per turn.
    private static readonly Dictionary<IntakeField, IReadOnlyList<IntakeField>> Alone =
        FieldRegistry.All.ToDictionary(f => f.Id, f => (IReadOnlyList<IntakeField>)[f.Id]);

    public static bool IsKnown(PatientProfile profile, IntakeField field) => FieldRegistry.Get(field).IsKnown(profile);

    private static bool Matters(PatientProfile profile, PatientField field, Func<Assessment> assessed) => field.AskWhen switch
    {
        AskWhen.Always => true,
        AskWhen.MayBePregnant => MayBePregnant(profile),
        // Ancestry only changes the eltrombopag starting dose: asked only when eltrombopag is in the plan, alone or
        // as the TPO-RA of a combination; not once eltrombopag failed or is to be avoided, whatever else is planned.
        AskWhen.EltrombopagOffered => assessed().Options.Any(o => o.Therapy == TherapyIds.Eltrombopag),
        AskWhen.AdvisorNeedsIt => field.ContractNames.Any(assessed().Missing.Contains),
        _ => false,
    };

    /// <summary>A field a group's question invited, the group answered without it (see <see cref="QuestionGroup.Invites"/>).</summary>
    private static bool SettledByItsGroup(PatientProfile profile, IntakeField field)
    {
        foreach (var group in FieldRegistry.Groups)
        {
            if (group.Invites.Contains(field) && group.Fields.All(f => FieldRegistry.Get(f).IsKnown(profile)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MayBePregnant(PatientProfile profile) =>
        profile.Sex != Sex.Male && profile.AgeYears is null or (>= 12 and <= 55);
}
