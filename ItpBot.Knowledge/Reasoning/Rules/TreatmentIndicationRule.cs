using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>
/// Whether treatment is indicated at all: by bleeding and bleeding risk, not the count alone. When it is not,
/// observation (or the current treatment that is working) and the treatment-not-indicated alert. A working treatment
/// that a hard constraint stops (a label stop rule, a planned pregnancy) must be replaced: treatment is indicated. A
/// procedure's target count depends on the kind of procedure (content).
/// </summary>
internal sealed class TreatmentIndicationRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly double _treatBelow = kb.Parameter(ContentKeys.Parameters.TreatCountBelow).Value;
    private readonly double _pregnancyTreatBelow = kb.Parameter(ContentKeys.Parameters.PregnancyTreatCountBelow).Value;
    private readonly double _procedureFrom = kb.Parameter(ContentKeys.Parameters.ProcedureCountFrom).Value;
    private readonly double _antithromboticFrom = kb.Parameter(ContentKeys.Parameters.AntithromboticFullDoseCountFrom).Value;
    private readonly IReadOnlyDictionary<ProcedureKind, ProcedureTarget> _targets = kb.Reasoning.ProcedureTargets;
    private readonly PreparedPlan _observation = new(kb.Plan(ContentKeys.Plans.Observation), "treatment-indication");
    private readonly PreparedPlan _pregnancyFirstLine = new(kb.Plan(ContentKeys.Plans.PregnancyFirstLine), "treatment-indication");
    private readonly RuleMessage _continue = new("treatment-indication", kb.RuleText(ContentKeys.RuleTexts.CurrentTherapyContinue));
    private readonly AlertContent _alert = kb.Alert(AlertCodes.TreatmentNotIndicated);

    public string Name => "treatment-indication";

    public void Apply(AssessmentDraft draft)
    {
        if (draft.Emergency) return;
        var facts = draft.Facts;
        draft.ProcedureTarget = ProcedureTarget(facts);
        draft.TreatmentIndicated = Indicated(draft, facts, countingProcedure: true);
        draft.TreatOnlyForProcedure = draft.TreatmentIndicated == true && Indicated(draft, facts, countingProcedure: false) == false;
        // A working treatment that must stop is replaced, not observed off (in pregnancy the pregnancy thresholds decide).
        if (draft.TreatmentIndicated != true && draft.ReplacingCurrent is not null && !facts.Pregnant)
        {
            draft.TreatmentIndicated = true;
            draft.TreatOnlyForProcedure = false;
        }
        if (draft.TreatmentIndicated != false) return;

        draft.Alert(_alert);
        var current = CurrentWorkingTherapy(draft, facts);
        if (current is null)
        {
            draft.Offer(_observation, ContentKeys.Plans.Observation);
            // In pregnancy the first-line options stand ready for a fall below the threshold or bleeding.
            if (facts.Pregnant)
                foreach (var (entry, reason) in _pregnancyFirstLine.Entries)
                {
                    draft.AddRescue(entry.Therapy, reason);
                    if (draft.Find(entry.Therapy.Id) is { } c) c.RegimenId = entry.RegimenId;
                }
            return;
        }
        draft.PlanId = ContentKeys.Plans.Observation;
        draft.ContinuingCurrent = current;
        var candidate = new Candidate(current, PlanTier.Primary, combined: false, regimenId: null, planIndex: 0) { Lead = true };
        draft.Candidates.Add(candidate);
        draft.Explain(candidate, _continue);
    }

    private double ProcedureTarget(PatientFacts facts) =>
        facts.Profile.Procedure is { } kind && _targets.TryGetValue(kind, out var target) ? target.CountFrom : _procedureFrom;

    private bool? Indicated(AssessmentDraft draft, PatientFacts facts, bool countingProcedure)
    {
        var profile = facts.Profile;
        // High bleeding risk calls for treatment only while the count is below the haemostatic range's top (50):
        // age, drugs and comorbidity do not make a count of 400 dangerous.
        if (profile.Bleeding == Bleeding.Mucosal
            || (draft.BleedingRisk == BleedingRisk.High && (facts.Count is null || facts.CountBelow(_antithromboticFrom)))) return true;
        // A safe count held up by continuous corticosteroids is not a reason to observe: it needs a steroid-sparing
        // plan, unless a second-line treatment has since taken over.
        if (DependsOnCorticosteroids(facts) && CurrentWorkingTherapy(draft, facts) is null) return true;
        if (facts.Count is null) return null;
        var forProcedure = countingProcedure && profile.UpcomingProcedure == true && facts.CountBelow(draft.ProcedureTarget ?? _procedureFrom);
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

    /// <summary>A maintenance treatment that is working now and may continue: keep it rather than "observe" off it.</summary>
    private static Therapy? CurrentWorkingTherapy(AssessmentDraft draft, PatientFacts facts)
    {
        foreach (var prior in facts.Priors)
        {
            if (prior.Outcome is not (TreatmentOutcome.Response or TreatmentOutcome.Ongoing)) continue;
            if (facts.TherapyOf(prior) is { IsCorticosteroid: false, Line: LineOfTherapy.Second or LineOfTherapy.Third } therapy
                && facts.Profile.Unavailable?.Contains(therapy.Id) != true && !draft.IsBlocked(therapy.Id))
                return therapy;
        }
        return null;
    }
}
