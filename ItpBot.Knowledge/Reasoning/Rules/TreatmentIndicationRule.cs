using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>
/// Whether treatment is indicated at all: by bleeding and bleeding risk, not the count alone. When it is not,
/// observation (or the current treatment that is working) and the treatment-not-indicated alert.
/// </summary>
internal sealed class TreatmentIndicationRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly double _treatBelow = kb.Parameter(ContentKeys.Parameters.TreatCountBelow).Value;
    private readonly double _pregnancyTreatBelow = kb.Parameter(ContentKeys.Parameters.PregnancyTreatCountBelow).Value;
    private readonly double _procedureFrom = kb.Parameter(ContentKeys.Parameters.ProcedureCountFrom).Value;
    private readonly double _antithromboticFrom = kb.Parameter(ContentKeys.Parameters.AntithromboticFullDoseCountFrom).Value;
    private readonly PreparedPlan _observation = new(kb.Plan(ContentKeys.Plans.Observation), "treatment-indication");
    private readonly RuleMessage _continue = new("treatment-indication", kb.RuleText(ContentKeys.RuleTexts.CurrentTherapyContinue));
    private readonly AlertContent _alert = kb.Alert(AlertCodes.TreatmentNotIndicated);

    public string Name => "treatment-indication";

    public void Apply(AssessmentDraft draft)
    {
        if (draft.Emergency) return;
        var facts = draft.Facts;
        draft.TreatmentIndicated = Indicated(draft, facts, countingProcedure: true);
        draft.TreatOnlyForProcedure = draft.TreatmentIndicated == true && Indicated(draft, facts, countingProcedure: false) == false;
        if (draft.TreatmentIndicated != false) return;

        draft.Alert(_alert);
        var current = CurrentWorkingTherapy(facts);
        if (current is null)
        {
            draft.Offer(_observation, ContentKeys.Plans.Observation);
            return;
        }
        draft.PlanId = ContentKeys.Plans.Observation;
        var candidate = new Candidate(current, PlanTier.Primary, combined: false, regimenId: null, planIndex: 0);
        draft.Candidates.Add(candidate);
        draft.Explain(candidate, _continue);
    }

    private bool? Indicated(AssessmentDraft draft, PatientFacts facts, bool countingProcedure)
    {
        var profile = facts.Profile;
        if (profile.Bleeding == Bleeding.Mucosal || draft.BleedingRisk == BleedingRisk.High) return true;
        // A safe count held up by continuous corticosteroids is not a reason to observe: it needs a steroid-sparing
        // plan, unless a second-line treatment has since taken over.
        if (DependsOnCorticosteroids(facts) && CurrentWorkingTherapy(facts) is null) return true;
        if (facts.Count is null) return null;
        var forProcedure = countingProcedure && NeedsCountForProcedure(facts);
        if (facts.Pregnant) return facts.CountBelow(_pregnancyTreatBelow) || forProcedure;
        return facts.CountBelow(_treatBelow)
            || forProcedure
            || ((facts.Takes(Antithrombotic.Anticoagulant) || facts.Takes(Antithrombotic.Antiplatelet))
                && facts.CountBelow(_antithromboticFrom));
    }

    private static bool DependsOnCorticosteroids(PatientFacts facts)
    {
        foreach (var prior in facts.Priors)
            if (prior.Outcome == TreatmentOutcome.Dependent && facts.TherapyOf(prior) is { IsCorticosteroid: true }) return true;
        return false;
    }

    private bool NeedsCountForProcedure(PatientFacts facts) =>
        facts.Profile.UpcomingProcedure == true && facts.CountBelow(_procedureFrom);

    /// <summary>A maintenance treatment that is working now: keep it rather than "observe" off it.</summary>
    private static Therapy? CurrentWorkingTherapy(PatientFacts facts)
    {
        foreach (var prior in facts.Priors)
        {
            if (prior.Outcome is not (TreatmentOutcome.Response or TreatmentOutcome.Ongoing)) continue;
            if (facts.TherapyOf(prior) is { IsCorticosteroid: false, Line: LineOfTherapy.Second or LineOfTherapy.Third } therapy
                && facts.Profile.Unavailable?.Contains(therapy.Id) != true)
                return therapy;
        }
        return null;
    }
}
