using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>
/// Picks the candidate plan: first line, second line (corticosteroid dependence or no response, or ITP beyond
/// the newly diagnosed phase), refractory (several treatments beyond first line failed), or the pregnancy plans.
/// </summary>
internal sealed class TreatmentLineRule(KnowledgeBase kb) : IAssessmentRule
{
    private const string RuleName = "treatment-line";
    private readonly int _refractoryAfter = (int)kb.Parameter(ContentKeys.Parameters.RefractoryFailedTreatments).Value;
    private readonly Dictionary<string, PreparedPlan> _plans = new[]
    {
        ContentKeys.Plans.FirstLine, ContentKeys.Plans.SecondLine, ContentKeys.Plans.Refractory,
        ContentKeys.Plans.PregnancyFirstLine, ContentKeys.Plans.PregnancySecondLine, ContentKeys.Plans.Procedure,
    }.ToDictionary(id => id, id => new PreparedPlan(kb.Plan(id), RuleName));

    public string Name => RuleName;

    public void Apply(AssessmentDraft draft)
    {
        if (draft.Emergency || draft.TreatmentIndicated == false) return;
        var facts = draft.Facts;
        if (facts.Profile.PriorTreatments is null) draft.NeedsToKnow(ProfileFields.PriorTreatments);
        var plan = ChoosePlan(draft, facts);
        draft.Offer(_plans[plan], plan);
    }

    private string ChoosePlan(AssessmentDraft draft, PatientFacts facts)
    {
        var firstLineFailed = false;
        var beyondFirstLine = false;
        foreach (var prior in facts.Priors)
        {
            var therapy = facts.TherapyOf(prior);
            if (therapy is null) continue;
            if (therapy.Line is LineOfTherapy.Second or LineOfTherapy.Third) beyondFirstLine = true;
            if ((therapy.IsCorticosteroid || therapy.Line == LineOfTherapy.Rescue)
                && (PatientFacts.IsFailure(prior.Outcome) || prior.Outcome == TreatmentOutcome.Intolerant))
                firstLineFailed = true;
        }

        // Pregnancy plans already plan around delivery, with pregnancy doses.
        if (draft.TreatOnlyForProcedure && !facts.Pregnant) return ContentKeys.Plans.Procedure;
        if (facts.Pregnant)
            return firstLineFailed ? ContentKeys.Plans.PregnancySecondLine : ContentKeys.Plans.PregnancyFirstLine;
        if (facts.FailedTreatmentsBeyondFirstLine() >= _refractoryAfter) return ContentKeys.Plans.Refractory;
        if (firstLineFailed || beyondFirstLine || draft.Phase is Phase.Persistent or Phase.Chronic)
            return ContentKeys.Plans.SecondLine;
        return ContentKeys.Plans.FirstLine;
    }
}
