using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Splenectomy already done: not offered again, and anti-D (which needs a spleen) moves to avoid.</summary>
internal sealed class SplenectomyHistoryRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly RuleMessage _antiD = new("splenectomy-history", kb.RuleText(ContentKeys.RuleTexts.AntiDNeedsSpleen));

    public string Name => "splenectomy-history";

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        if (!facts.SplenectomyDone)
        {
            if (facts.Profile.Splenectomy is null && (draft.Offers(TherapyIds.Splenectomy) || draft.Offers(TherapyIds.AntiD)))
                draft.NeedsToKnow(ProfileFields.Splenectomy);
            return;
        }
        draft.Block(TherapyIds.Splenectomy);
        if (draft.Offers(TherapyIds.AntiD)) draft.MoveToAvoid(TherapyIds.AntiD, _antiD);
    }
}
