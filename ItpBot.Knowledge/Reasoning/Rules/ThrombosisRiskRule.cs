using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>
/// A TPO-RA on offer to a patient with a thrombosis history, or on an anticoagulant (which is given for a thrombotic
/// risk): alert (the per-drug cautions come from content).
/// </summary>
internal sealed class ThrombosisRiskRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly AlertContent _alert = kb.Alert(AlertCodes.ThrombosisRisk);

    public string Name => "thrombosis-risk";

    public void Apply(AssessmentDraft draft)
    {
        if (!draft.Facts.Has(Comorbidity.ThrombosisHistory) && !draft.Facts.Takes(Antithrombotic.Anticoagulant)) return;
        if (draft.OffersAny(t => t.IsTpoRa || t.Id == TherapyIds.TpoRaCombination)) draft.Alert(_alert);
    }
}
