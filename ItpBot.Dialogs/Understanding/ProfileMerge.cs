using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Applies what a new message says onto what is already known.</summary>
public static class ProfileMerge
{
    /// <summary>
    /// Every value the update has wins; values it lacks are kept. Lists merge without duplicates, and a prior
    /// treatment named again replaces the earlier entry for that therapy (its outcome has been updated).
    /// </summary>
    public static PatientProfile Apply(this PatientProfile current, PatientProfile update)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(update);
        return new PatientProfile
        {
            Audience = update.Audience ?? current.Audience,
            AgeYears = update.AgeYears ?? current.AgeYears,
            Sex = update.Sex ?? current.Sex,
            WeightKg = update.WeightKg ?? current.WeightKg,
            MonthsSinceDiagnosis = update.MonthsSinceDiagnosis ?? current.MonthsSinceDiagnosis,
            PlateletCount = update.PlateletCount ?? current.PlateletCount,
            Bleeding = update.Bleeding ?? current.Bleeding,
            PriorTreatments = MergeTreatments(current.PriorTreatments, update.PriorTreatments),
            Splenectomy = update.Splenectomy ?? current.Splenectomy,
            Antithrombotics = Union(current.Antithrombotics, update.Antithrombotics),
            Comorbidities = Union(current.Comorbidities, update.Comorbidities),
            Pregnant = update.Pregnant ?? current.Pregnant,
            // Not pregnant any more means no gestation either.
            GestationWeeks = update.Pregnant == false ? update.GestationWeeks : update.GestationWeeks ?? current.GestationWeeks,
            EastAsianAncestry = update.EastAsianAncestry ?? current.EastAsianAncestry,
            Preferences = Union(current.Preferences, update.Preferences),
            Unavailable = Union(current.Unavailable, update.Unavailable),
            UpcomingProcedure = update.UpcomingProcedure ?? current.UpcomingProcedure,
        };
    }

    private static IReadOnlyList<T>? Union<T>(IReadOnlyList<T>? current, IReadOnlyList<T>? update) =>
        update is null ? current : current is null ? update.Distinct().ToList() : current.Concat(update).Distinct().ToList();

    private static IReadOnlyList<PriorTreatment>? MergeTreatments(
        IReadOnlyList<PriorTreatment>? current, IReadOnlyList<PriorTreatment>? update)
    {
        if (update is null)
        {
            return current;
        }

        var merged = (current ?? []).Where(c => update.All(u => u.Therapy != c.Therapy)).ToList();
        foreach (var treatment in update)
        {
            merged.RemoveAll(m => m.Therapy == treatment.Therapy);
            merged.Add(treatment);
        }

        return merged;
    }
}
