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
        // In an emergency the anticoagulant is being stopped and reversed; a TPO-RA weighing would only distract.
        // An antithrombotic is given for a thrombotic risk, and heart disease is one.
        var facts = draft.Facts;
        var atRisk = !draft.Emergency && (facts.Takes(Antithrombotic.Anticoagulant) || facts.Takes(Antithrombotic.Antiplatelet)
            || facts.Has(Comorbidity.HeartDisease));
        if (!facts.Has(Comorbidity.ThrombosisHistory) && !atRisk) return;
        if (draft.OffersAny(t => t.IsTpoRa || t.Id == TherapyIds.TpoRaCombination)) draft.Alert(_alert);
    }
}
