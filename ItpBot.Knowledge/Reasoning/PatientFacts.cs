using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning;

/// <summary>The profile read once, with the look-ups the rules share. Unknown stays null.</summary>
internal sealed class PatientFacts
{
    private static readonly IReadOnlyList<PriorTreatment> NoPriors = [];

    private static readonly IReadOnlyList<CurrentDrug> NoDrugs = [];
    // The contract: childbearing potential is unknown, not absent, for a woman under 50 who did not say.
    internal const int ChildbearingAgeBelow = 50;
    // ALT is given as a multiple of the upper limit of normal: above 1 is, by definition, raised.
    private const double AltUpperLimit = 1.0;

    public PatientFacts(PatientProfile profile, KnowledgeBase knowledge, DrugCatalogue? drugs = null)
    {
        Profile = profile;
        Audience = profile.Audience ?? Audience.Clinician;
        Priors = profile.PriorTreatments ?? NoPriors;
        Knowledge = knowledge;
        Drugs = drugs is null || profile.CurrentDrugs is not { Count: > 0 } list
            ? NoDrugs
            : list.Where(d => !string.IsNullOrWhiteSpace(d)).Select(drugs.Read).ToList();
        Catalogue = drugs;
    }

    /// <summary>The current drugs as written, each with what the content knows of it.</summary>
    public IReadOnlyList<CurrentDrug> Drugs { get; }
    public DrugCatalogue? Catalogue { get; }

    public bool TakesClass(string drugClass)
    {
        foreach (var d in Drugs) if (d.Is(drugClass)) return true;
        return false;
    }

    /// <summary>The patient's own names for the current drugs of a class, joined for a sentence.</summary>
    public string NamesOf(string drugClass) => string.Join(" and ", Drugs.Where(d => d.Is(drugClass)).Select(d => d.Written));

    /// <summary>On the therapy now: responding, ongoing or dependent, or named among the current drugs.</summary>
    public bool IsCurrent(string therapyId)
    {
        foreach (var p in Priors)
            if (p.Therapy == therapyId && p.Outcome is TreatmentOutcome.Response or TreatmentOutcome.Ongoing or TreatmentOutcome.Dependent) return true;
        foreach (var d in Drugs) if (d.TherapyId == therapyId) return true;
        return false;
    }

    public bool LiverInjury => Has(Comorbidity.LiverDisease) || Profile.AltTimesUpperLimit > AltUpperLimit;

    public bool CouldBecomePregnant => Profile.Sex == Sex.Female && !Pregnant && (Profile.ChildbearingPotential == true
        || (Profile.ChildbearingPotential is null && (Profile.AgeYears is null || Profile.AgeYears < ChildbearingAgeBelow)));

    public bool PregnancyPlanned => Profile.PregnancyPlanned == true && Profile.Sex != Sex.Male;

    public bool HbvExposed => Profile.HbvStatus is HbvStatus.Resolved or HbvStatus.Chronic || Has(Comorbidity.HepatitisB);

    /// <summary>No response, or dependence (which counts as no response): a relapse after a response is not failure.</summary>
    public static bool IsNonResponse(TreatmentOutcome outcome) => outcome is TreatmentOutcome.NoResponse or TreatmentOutcome.Dependent;

    /// <summary>
    /// A TPO-RA recorded as "no response" whose trial is in doubt: the note gives a dose below the label maximum,
    /// speaks of missed doses or cations, or a current drug blocks its absorption. Not yet a failure.
    /// </summary>
    public bool TpoRaTrialInDoubt(PriorTreatment prior)
    {
        if (prior.Outcome != TreatmentOutcome.NoResponse || TherapyOf(prior) is not { IsTpoRa: true } therapy) return false;
        var reasoning = Knowledge.Reasoning;
        if (prior.Note is { } note)
        {
            if (reasoning.Titrations.TryGetValue(therapy.Id, out var titration)
                && DoseInNote.Read(note, titration.Unit) is { } dose && dose < titration.Max) return true;
            foreach (var q in reasoning.Questions)
                if (q.Kind == ContentKeys.QuestionKinds.Adherence && TextMatch.Any(note, q.Words)) return true;
        }
        foreach (var rule in reasoning.Interactions)
            if (rule.Therapy == therapy.Id && rule.Severity == InteractionSeverity.Adjust && TakesClass(rule.DrugClass)
                && rule.DrugClass == "polyvalent-cation") return true;
        return false;
    }

    public PatientProfile Profile { get; }
    public KnowledgeBase Knowledge { get; }
    public Audience Audience { get; }
    public IReadOnlyList<PriorTreatment> Priors { get; }

    public double? Count => Profile.PlateletCount;
    public bool Pregnant => Profile.Pregnant == true;
    public bool SplenectomyDone => Profile.Splenectomy == true || HadTherapy(TherapyIds.Splenectomy);

    public bool CountBelow(double threshold) => Count is { } c && c < threshold;

    public bool Has(Comorbidity comorbidity) => Profile.Comorbidities?.Contains(comorbidity) == true;

    /// <summary>Taking an antithrombotic of this kind, as the profile says or as a recognised current drug shows.</summary>
    public bool Takes(Antithrombotic antithrombotic) => Profile.Antithrombotics?.Contains(antithrombotic) == true
        || TakesClass(antithrombotic switch
        {
            Antithrombotic.Anticoagulant => "anticoagulant",
            Antithrombotic.Antiplatelet => "antiplatelet",
            _ => "nsaid",
        });

    public bool TakesAnyAntithrombotic => Takes(Antithrombotic.Anticoagulant) || Takes(Antithrombotic.Antiplatelet) || Takes(Antithrombotic.Nsaid);

    public bool Prefers(Preference preference) => Profile.Preferences?.Contains(preference) == true;

    public bool HadTherapy(string therapyId)
    {
        foreach (var p in Priors) if (p.Therapy == therapyId) return true;
        return false;
    }

    public bool Had(string therapyId, TreatmentOutcome outcome)
    {
        foreach (var p in Priors) if (p.Therapy == therapyId && p.Outcome == outcome) return true;
        return false;
    }

    /// <summary>The content entry of a prior treatment, or null for an id the content does not know.</summary>
    public Therapy? TherapyOf(PriorTreatment prior) =>
        Knowledge.TryGetTherapy(prior.Therapy, out var therapy) ? therapy : null;

    /// <summary>No response, loss of response or dependence: the treatment did not control the disease.</summary>
    public static bool IsFailure(TreatmentOutcome outcome) =>
        outcome is TreatmentOutcome.NoResponse or TreatmentOutcome.Relapsed or TreatmentOutcome.Dependent;

    /// <summary>Distinct treatments beyond first line that failed.</summary>
    public int FailedTreatmentsBeyondFirstLine()
    {
        var count = 0;
        for (var i = 0; i < Priors.Count; i++)
        {
            var p = Priors[i];
            // Refractoriness counts failures to respond: a relapse after a response is not one (IWG 2009).
            if (!IsNonResponse(p.Outcome) || TpoRaTrialInDoubt(p) || TherapyOf(p) is not { Line: LineOfTherapy.Second or LineOfTherapy.Third }) continue;
            var seenBefore = false;
            for (var j = 0; j < i; j++)
                if (Priors[j].Therapy == p.Therapy && IsNonResponse(Priors[j].Outcome)) seenBefore = true;
            if (!seenBefore) count++;
        }
        return count;
    }
}
