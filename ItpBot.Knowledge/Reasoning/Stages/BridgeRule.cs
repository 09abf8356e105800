using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;
using K = ItpBot.Knowledge.Content.ContentKeys.ReasoningTexts;

namespace ItpBot.Knowledge.Reasoning.Stages;

/// <summary>
/// Stage 2 (the part that adds options): a bridge while a slow long-term option takes effect, and bleeding control.
/// A bridge is needed when treatment is indicated, the count is below the admission threshold (20), there is mucosal
/// bleeding, or an antithrombotic needs the count raised. The corticosteroid is dexamethasone for a patient dependent
/// on corticosteroids, with diabetes, or who responded to it before; otherwise a short prednisone course. IVIG joins
/// for mucosal bleeding or a count below 10. Mucosal bleeding adds tranexamic acid. Each becomes a rescue option.
/// </summary>
internal sealed class BridgeRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly ReasoningContent _r = kb.Reasoning;
    private readonly double _admissionBelow = kb.Parameter(ContentKeys.Parameters.AdmissionCountBelow).Value;
    private readonly double _antithromboticFrom = kb.Parameter(ContentKeys.Parameters.AntithromboticFullDoseCountFrom).Value;
    private readonly double _veryLow = kb.RiskFactors.Where(f => f.Kind == RiskFactorKind.CountBelow).Min(f => f.Threshold) ?? 0;

    public string Name => "bridge";

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        if (draft.Emergency || draft.TreatmentIndicated != true || draft.TreatOnlyForProcedure || facts.Pregnant) return;
        var mucosal = facts.Profile.Bleeding == Bleeding.Mucosal;
        var antithrombotic = (facts.Takes(Antithrombotic.Anticoagulant) || facts.Takes(Antithrombotic.Antiplatelet))
            && facts.CountBelow(_antithromboticFrom);
        var needed = facts.CountBelow(_admissionBelow) || mucosal || antithrombotic;
        if (mucosal) AddRescue(draft, TherapyIds.TranexamicAcid, K.Txa);
        if (!needed || draft.PlanId == ContentKeys.Plans.FirstLine) 
        {
            // First line is itself a corticosteroid: IVIG joins it for mucosal bleeding or a very low count.
            if (needed && (mucosal || facts.CountBelow(_veryLow))) AddRescue(draft, TherapyIds.Ivig, K.BridgeIvig);
            return;
        }

        var steroidIntolerant = facts.HadCorticosteroid(TreatmentOutcome.Intolerant);
        if (!steroidIntolerant)
        {
            var dexamethasone = facts.HadCorticosteroid(TreatmentOutcome.Dependent)
                || facts.Has(Comorbidity.Diabetes)
                || facts.Had(TherapyIds.Dexamethasone, TreatmentOutcome.Response) || facts.Had(TherapyIds.Dexamethasone, TreatmentOutcome.Relapsed)
                || draft.IsBlocked(TherapyIds.Prednisone);
            if (dexamethasone) AddRescue(draft, TherapyIds.Dexamethasone, K.BridgeDexamethasone);
            else AddRescue(draft, TherapyIds.Prednisone, K.BridgePrednisone);
        }
        if (mucosal || facts.CountBelow(_veryLow) || steroidIntolerant) AddRescue(draft, TherapyIds.Ivig, K.BridgeIvig);
    }

    private void AddRescue(AssessmentDraft draft, string therapyId, string textId)
    {
        if (draft.IsBlocked(therapyId)) return;
        var text = _r.Text(textId);
        var existing = draft.Find(therapyId);
        if (existing is null)
        {
            existing = new Candidate(draft.Facts.Knowledge.Therapy(therapyId), PlanTier.Rescue, combined: false, regimenId: null, draft.Candidates.Count);
            draft.Candidates.Add(existing);
        }
        existing.Note(draft.Say(text), text.Citations);
        if (!draft.Bridges.Contains(therapyId)) draft.Bridges.Add(therapyId);
    }
}
