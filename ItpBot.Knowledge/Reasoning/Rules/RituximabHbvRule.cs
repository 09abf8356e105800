using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Rituximab on offer: screen for hepatitis B first.</summary>
internal sealed class RituximabHbvRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly Content.AlertContent _alert = kb.Alert(AlertCodes.HbvScreenBeforeRituximab);

    public string Name => "hbv-screen";

    public void Apply(AssessmentDraft draft)
    {
        if (draft.Offers(TherapyIds.Rituximab)) draft.Alert(_alert);
    }
}
