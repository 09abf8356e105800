using ItpBot.Knowledge.Content;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Comorbidities add the content's cautions to a candidate and, where the content says so, move it down.</summary>
internal sealed class ComorbidityRule(KnowledgeBase kb) : IAssessmentRule
{
    private const string RuleName = "comorbidities";
    private readonly int _step = kb.RankingStep;
    private readonly IReadOnlyDictionary<ComorbidityCaution, RuleMessage> _messages = kb.TherapyCatalog
        .SelectMany(t => t.ComorbidityCautions)
        .ToDictionary(c => c, c => new RuleMessage(RuleName, c.Text), ReferenceEqualityComparer.Instance as IEqualityComparer<ComorbidityCaution>);

    public string Name => RuleName;

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        if (facts.Profile.Comorbidities is not { Count: > 0 }) return;
        foreach (var candidate in draft.Candidates)
        {
            foreach (var caution in candidate.Therapy.ComorbidityCautions)
            {
                if (!facts.Has(caution.Comorbidity)) continue;
                var message = _messages[caution];
                draft.Caution(candidate, message);
                if (caution.Demote && candidate.Tier != PlanTier.Rescue)
                {
                    draft.Rank(candidate, _step, message);
                    candidate.SafetyAgainst = true;
                }
            }
        }
    }
}
