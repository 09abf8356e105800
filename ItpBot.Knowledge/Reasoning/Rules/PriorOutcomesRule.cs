using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>
/// Respects what happened before: intolerance and no response move a therapy to avoid; a response or a current
/// treatment moves it up; a relapse keeps re-treatment open. Failed TPO-RAs are left to <see cref="TpoRaFailureRule"/>,
/// which checks adherence before writing them off.
/// </summary>
internal sealed class PriorOutcomesRule(KnowledgeBase kb) : IAssessmentRule
{
    private const string RuleName = "prior-outcomes";
    private readonly int _step = kb.RankingStep;
    private readonly RuleMessage _noResponse = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.PriorNoResponse));
    private readonly RuleMessage _intolerant = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.PriorIntolerant));
    private readonly RuleMessage _responded = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.PriorResponded));
    private readonly RuleMessage _relapsed = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.PriorRelapsed));
    private readonly RuleMessage _ongoing = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.PriorOngoing));

    public string Name => RuleName;

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        foreach (var prior in facts.Priors)
        {
            var therapy = facts.TherapyOf(prior);
            if (therapy is null) continue;
            switch (prior.Outcome)
            {
                case TreatmentOutcome.Intolerant:
                    draft.MoveToAvoid(therapy.Id, _intolerant);
                    break;
                case TreatmentOutcome.NoResponse when !therapy.IsTpoRa && !therapy.IsCorticosteroid:
                    draft.MoveToAvoid(therapy.Id, _noResponse);
                    break;
                case TreatmentOutcome.Response when draft.Find(therapy.Id) is { } c:
                    draft.Rank(c, -_step, _responded);
                    break;
                case TreatmentOutcome.Ongoing when draft.Find(therapy.Id) is { } c:
                    draft.Rank(c, -_step, _ongoing);
                    break;
                case TreatmentOutcome.Relapsed when !therapy.IsTpoRa && draft.Find(therapy.Id) is { } c:
                    draft.Explain(c, _relapsed);
                    break;
            }
        }
    }
}
