using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Critical or severe bleeding: emergency, the combined emergency treatment, whatever else is true.</summary>
internal sealed class EmergencyBleedingRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly PreparedPlan _plan = new(kb.Plan(ContentKeys.Plans.Emergency), "emergency-bleeding");
    private readonly AlertContent _alert = kb.Alert(AlertCodes.EmergencyBleeding);

    public string Name => "emergency-bleeding";

    public void Apply(AssessmentDraft draft)
    {
        if (draft.Facts.Profile.Bleeding is not (Bleeding.Severe or Bleeding.Critical)) return;
        draft.Emergency = true;
        draft.Urgency = Urgency.Emergency;
        draft.BleedingRisk = BleedingRisk.High;
        draft.TreatmentIndicated = true;
        draft.Alert(_alert);
        draft.Offer(_plan, ContentKeys.Plans.Emergency);
    }
}
