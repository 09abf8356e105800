using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// One field set right by name ("platelets are actually 25"). <paramref name="Field"/> is the contract name (see
/// <see cref="ProfileFields"/>); <paramref name="Value"/> has the field's type (for lists: the items named).
/// </summary>
/// <param name="Remove">For lists: the items are to be taken out ("stopped warfarin", "no diabetes after all").</param>
public sealed record ProfileCorrection(string Field, object Value, bool Remove = false)
{
    /// <summary>The profile with this field replaced (scalars) or the items added or removed (lists).</summary>
    public PatientProfile ApplyTo(PatientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Field switch
        {
            ProfileFields.AgeYears => profile with { AgeYears = (int)Value },
            ProfileFields.Sex => profile with { Sex = (Sex)Value },
            ProfileFields.WeightKg => profile with { WeightKg = (double)Value },
            ProfileFields.MonthsSinceDiagnosis => profile with { MonthsSinceDiagnosis = (double)Value },
            ProfileFields.PlateletCount => profile with { PlateletCount = (double)Value },
            ProfileFields.Bleeding => profile with { Bleeding = (Bleeding)Value },
            ProfileFields.Splenectomy => profile with { Splenectomy = (bool)Value },
            ProfileFields.Pregnant => profile with
            {
                Pregnant = (bool)Value,
                GestationWeeks = (bool)Value ? profile.GestationWeeks : null,
            },
            ProfileFields.GestationWeeks => profile with { GestationWeeks = (int)Value },
            ProfileFields.EastAsianAncestry => profile with { EastAsianAncestry = (bool)Value },
            ProfileFields.UpcomingProcedure => profile with { UpcomingProcedure = (bool)Value },
            ProfileFields.Audience => profile with { Audience = (Audience)Value },
            ProfileFields.PriorTreatments => Remove
                ? profile with { PriorTreatments = Without(profile.PriorTreatments, (IReadOnlyList<PriorTreatment>)Value) }
                : profile.Apply(new PatientProfile { PriorTreatments = (IReadOnlyList<PriorTreatment>)Value }),
            ProfileFields.Antithrombotics => profile with { Antithrombotics = Change(profile.Antithrombotics, (IReadOnlyList<Antithrombotic>)Value) },
            ProfileFields.Comorbidities => profile with { Comorbidities = Change(profile.Comorbidities, (IReadOnlyList<Comorbidity>)Value) },
            ProfileFields.Preferences => profile with { Preferences = Change(profile.Preferences, (IReadOnlyList<Preference>)Value) },
            ProfileFields.Unavailable => profile with { Unavailable = Change(profile.Unavailable, (IReadOnlyList<string>)Value) },
            _ => throw new InvalidOperationException($"Unknown profile field '{Field}'."),
        };
    }

    private IReadOnlyList<T> Change<T>(IReadOnlyList<T>? current, IReadOnlyList<T> items) =>
        Remove
            ? (current ?? []).Where(c => !items.Contains(c)).ToList()
            : (current ?? []).Concat(items).Distinct().ToList();

    private static IReadOnlyList<PriorTreatment> Without(IReadOnlyList<PriorTreatment>? current, IReadOnlyList<PriorTreatment> items) =>
        (current ?? []).Where(c => items.All(i => i.Therapy != c.Therapy)).ToList();
}
