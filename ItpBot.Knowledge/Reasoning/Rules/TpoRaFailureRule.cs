using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>A TPO-RA failed: check dose, adherence and absorption first, then switch to another TPO-RA.</summary>
internal sealed class TpoRaFailureRule(KnowledgeBase kb) : IAssessmentRule
{
    private const string RuleName = "tpo-ra-failure";
    private readonly int _step = kb.RankingStep;
    private readonly AlertContent _alert = kb.Alert(AlertCodes.CheckAdherenceAndAbsorption);
    private readonly RuleMessage _switch = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.TpoRaSwitch));
    private readonly RuleMessage _failed = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.TpoRaFailedAgent));

    public string Name => RuleName;

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        var anyFailed = false;
        foreach (var prior in facts.Priors)
        {
            if (prior.Outcome is not (TreatmentOutcome.NoResponse or TreatmentOutcome.Relapsed)) continue;
            if (facts.TherapyOf(prior) is not { IsTpoRa: true } therapy) continue;
            anyFailed = true;
            draft.MoveToAvoid(therapy.Id, _failed);
        }
        if (!anyFailed) return;

        draft.Alert(_alert);
        // In refractory disease the plan already leads with combinations; a switch is explained, not promoted.
        var steps = draft.PlanId == ContentKeys.Plans.Refractory ? 0 : -_step;
        foreach (var candidate in draft.Candidates)
            if (candidate.Therapy.IsTpoRa) draft.Rank(candidate, steps, _switch);
    }
}
