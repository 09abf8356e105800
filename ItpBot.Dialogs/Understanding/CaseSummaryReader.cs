using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <param name="Profile">Only the fields the message stated; the rest are null.</param>
/// <param name="Filled">The contract (camelCase) names of the fields filled, in contract order.</param>
/// <param name="TherapiesWithoutOutcome">Therapies named with no outcome: worth asking how they went.</param>
/// <param name="AmbiguousClasses">Classes named without the therapy ("failed a TPO-RA"): worth asking which.</param>
public sealed record CaseSummary(
    PatientProfile Profile,
    IReadOnlyList<string> Filled,
    IReadOnlyList<string> TherapiesWithoutOutcome,
    IReadOnlyList<string> AmbiguousClasses)
{
    /// <summary>Two or more fields: the message described the case rather than answered one question.</summary>
    public bool IsCaseSummary => Filled.Count >= 2;
}

/// <summary>
/// Reads a whole free-text message ("52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and
/// rituximab, no splenectomy") into every profile field it states. Each field needs its own words (a count needs
/// "plt" or a unit, a duration needs "ITP" or "diagnosed"), so a bare "12" fills nothing.
/// </summary>
public sealed class CaseSummaryReader
{
    private readonly PlateletCountRecognizer platelets = new();
    private readonly DiagnosisDurationRecognizer duration;
    private readonly PriorTreatmentReader priorTreatments;
    private readonly BleedingRecognizer bleeding = new();
    private readonly DemographicsRecognizer demographics = new();
    private readonly WeightRecognizer weight = new();
    private readonly PregnancyRecognizer pregnancy = new();
    private readonly AncestryRecognizer ancestry = new();
    private readonly SplenectomyRecognizer splenectomy = new();
    private readonly UpcomingProcedureRecognizer procedure = new();
    private readonly AntithromboticRecognizer antithrombotics = new();
    private readonly ComorbidityRecognizer comorbidities = new();
    private readonly PreferenceRecognizer preferences = new();
    private readonly UnavailableTherapyRecognizer unavailable;
    private readonly TherapyRecognizer therapies;

    public CaseSummaryReader(TherapyRecognizer therapies, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(therapies);
        ArgumentNullException.ThrowIfNull(clock);
        this.therapies = therapies;
        duration = new DiagnosisDurationRecognizer(clock);
        priorTreatments = new PriorTreatmentReader(therapies, new TreatmentOutcomeRecognizer());
        unavailable = new UnavailableTherapyRecognizer(therapies);
    }

    public CaseSummary Read(string? text)
    {
        var message = Reading.MessageText.Of(text);
        return Read(message, bleeding.FindInText(message.Normalized)?.Grade);
    }

    /// <summary>
    /// As <see cref="Read(string?)"/>, with the bleeding grade already read from the same text's signs (the message
    /// reader has read them): reading the signs again costs a whole lexicon pass. Every recogniser reads the one
    /// <paramref name="message"/>, so its words, clauses and therapy mentions are found once, not once each.
    /// </summary>
    internal CaseSummary Read(Reading.MessageText message, Bleeding? bleedingGrade)
    {
        var normalized = message.Normalized;
        var person = demographics.FindInText(message);
        var pregnant = pregnancy.FindInText(message);
        var (notAvailable, lostToCost) = unavailable.Read(message);
        var treatments = priorTreatments.Read(message);
        var spleen = splenectomy.FindInText(message);

        // A therapy named as unobtainable was not given; splenectomy has its own field when no outcome is told.
        // One given and then lost to its cost is both.
        // An operation done once cannot be depended on: a dependence told beside it ("splenectomy, steroid-dependent")
        // is the other drug's, and how the operation went is not told.
        var given = treatments.Treatments.Where(t => !notAvailable.Contains(t.Therapy) || lostToCost.Contains(t.Therapy))
            .Select(t => t.Therapy == TherapyIds.Splenectomy && t.Outcome == TreatmentOutcome.Dependent ? t with { Outcome = TreatmentOutcome.Unknown } : t)
            .ToList();
        var withoutOutcome = treatments.WithoutOutcome
            .Where(id => (!notAvailable.Contains(id) || lostToCost.Contains(id)) && id != TherapyIds.Splenectomy)
            .ToList();

        var profile = new PatientProfile
        {
            AgeYears = person?.AgeYears,
            Sex = person?.Sex,
            WeightKg = weight.FindInText(message),
            MonthsSinceDiagnosis = duration.FindInText(message, person?.AgeYears),
            PlateletCount = platelets.FindInText(message, treatmentStory: !treatments.IsEmpty),
            Bleeding = bleedingGrade,
            PriorTreatments = NullIfEmpty(given),
            Splenectomy = spleen,
            Antithrombotics = antithrombotics.TakenNow(normalized),
            Comorbidities = NullIfEmpty(comorbidities.FindAll(normalized)),
            Pregnant = pregnant?.Pregnant,
            GestationWeeks = pregnant?.GestationWeeks,
            EastAsianAncestry = ancestry.FindInText(message),
            Preferences = NullIfEmpty(preferences.FindAll(message)),
            Unavailable = NullIfEmpty(notAvailable),
            UpcomingProcedure = procedure.FindInText(message),
        };
        if (profile.UpcomingProcedure == false && profile.Preferences?.Contains(Preference.AvoidSurgery) == true)
        {
            // "no surgery" among preferences says what is wanted, not that nothing is planned.
            profile = profile with { UpcomingProcedure = null };
        }

        return new CaseSummary(
            profile,
            ProfileFields.Filled(profile),
            withoutOutcome,
            treatments.Classes.Select(c => c.ClassName ?? c.Text).Distinct().ToList());
    }

    /// <summary>The therapy a drug name stands for ("ciclosporin" is cyclosporine), if it is one.</summary>
    internal string? TherapyIdOf(string name) => therapies.RecognizeOne(name)?.TherapyId;

    private static IReadOnlyList<T>? NullIfEmpty<T>(IReadOnlyList<T> list) => list.Count == 0 ? null : list;
}
