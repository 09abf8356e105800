using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>No splenectomy within the content's deferral period from diagnosis (spontaneous remission is possible).</summary>
internal sealed class SplenectomyTimingRule(KnowledgeBase kb) : IAssessmentRule
{
    private const string RuleName = "splenectomy-timing";
    private readonly double _deferMonths = kb.Parameter(ContentKeys.Parameters.SplenectomyDeferMonths).Value;
    private readonly AlertContent _alert = kb.Alert(AlertCodes.DeferSplenectomy);
    private readonly RuleMessage _defer = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.SplenectomyDefer));
    private readonly RuleMessage _unknown = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.SplenectomyUnknownDuration));

    public string Name => RuleName;

    public void Apply(AssessmentDraft draft)
    {
        if (draft.Find(TherapyIds.Splenectomy) is not { } splenectomy) return;
        if (draft.Facts.Profile.MonthsSinceDiagnosis is not { } months)
        {
            draft.Caution(splenectomy, _unknown);
            draft.NeedsToKnow(ProfileFields.MonthsSinceDiagnosis);
            return;
        }
        if (months >= _deferMonths) return;
        draft.MoveToAvoid(TherapyIds.Splenectomy, _defer);
        draft.Alert(_alert);
    }
}
