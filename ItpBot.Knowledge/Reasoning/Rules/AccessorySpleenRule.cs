using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Relapse after splenectomy: look for an accessory spleen.</summary>
internal sealed class AccessorySpleenRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly AlertContent _alert = kb.Alert(AlertCodes.AccessorySpleen);

    public string Name => "accessory-spleen";

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        var relapsed = facts.Had(TherapyIds.Splenectomy, TreatmentOutcome.Relapsed)
            // Splenectomised and needing treatment again, with no record of primary failure: a relapse.
            || (facts.SplenectomyDone && draft.TreatmentIndicated != false
                && !facts.Had(TherapyIds.Splenectomy, TreatmentOutcome.NoResponse));
        if (relapsed) draft.Alert(_alert);
    }
}
