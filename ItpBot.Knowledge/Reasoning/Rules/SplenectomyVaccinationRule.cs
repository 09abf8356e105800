using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Splenectomy on offer: vaccinate at least the content's interval before surgery.</summary>
internal sealed class SplenectomyVaccinationRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly Content.AlertContent _alert = kb.Alert(AlertCodes.VaccinateBeforeSplenectomy);

    public string Name => "splenectomy-vaccination";

    public void Apply(AssessmentDraft draft)
    {
        if (draft.Offers(TherapyIds.Splenectomy)) draft.Alert(_alert);
    }
}
