using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>
/// Shared decision-making: a preference against a route (surgery) removes it; otherwise preferences are recorded as
/// each candidate's preference fit, which the ordering rule (<see cref="Stages.ChoiceStage"/>) lets break ties among
/// comparable options only. They no longer move candidates by fixed steps.
/// </summary>
internal sealed class PreferencesRule(KnowledgeBase kb) : IAssessmentRule
{
    private const string RuleName = "preferences";
    private readonly IReadOnlyList<(PreferenceRule Rule, RuleMessage? Favour, RuleMessage? Disfavour, RuleMessage? Avoid)> _rules =
        kb.Preferences.Values.OrderBy(p => p.Preference).Select(p => (p,
            p.FavourText is null ? null : new RuleMessage(RuleName, p.FavourText),
            p.DisfavourText is null ? null : new RuleMessage(RuleName, p.DisfavourText),
            p.AvoidText is null ? null : new RuleMessage(RuleName, p.AvoidText))).ToList();

    public string Name => RuleName;

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        if (facts.Profile.Preferences is null)
        {
            if (draft.PlanId is ContentKeys.Plans.SecondLine or ContentKeys.Plans.Refractory)
                draft.NeedsToKnow(ProfileFields.Preferences);
            return;
        }
        if (draft.Emergency) return;
        foreach (var (rule, favour, disfavour, avoid) in _rules)
        {
            if (!facts.Prefers(rule.Preference)) continue;
            for (var i = draft.Candidates.Count - 1; i >= 0; i--)
            {
                var candidate = draft.Candidates[i];
                var therapy = candidate.Therapy;
                if (candidate.Tier == PlanTier.Rescue) continue;
                if (avoid is not null && rule.AvoidRoutes.Contains(therapy.Route))
                    draft.MoveToAvoid(therapy.Id, avoid);
                else if (favour is not null && (rule.FavourRoutes.Contains(therapy.Route) || rule.FavourTraits.Overlaps(therapy.Traits)))
                {
                    candidate.Preference++;
                    draft.Explain(candidate, favour);
                }
                else if (disfavour is not null && rule.DisfavourRoutes.Contains(therapy.Route))
                {
                    candidate.Preference--;
                    draft.Explain(candidate, disfavour);
                }
            }
        }
    }
}
