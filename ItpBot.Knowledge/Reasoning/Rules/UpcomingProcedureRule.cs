using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Surgery or delivery soon with a count below the content's procedure threshold: IVIG as a rescue option.</summary>
internal sealed class UpcomingProcedureRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly double _procedureFrom = kb.Parameter(ContentKeys.Parameters.ProcedureCountFrom).Value;
    private readonly Therapy _ivig = kb.Therapy(TherapyIds.Ivig);
    private readonly RuleMessage _raise = new("upcoming-procedure", kb.RuleText(ContentKeys.RuleTexts.ProcedureRaiseCount));

    public string Name => "upcoming-procedure";

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        if (facts.Profile.UpcomingProcedure is null)
        {
            if (!draft.Emergency) draft.NeedsToKnow(ProfileFields.UpcomingProcedure);
            return;
        }
        if (facts.Profile.UpcomingProcedure != true || draft.Emergency) return;
        if (facts.Count is null || facts.CountBelow(draft.ProcedureTarget ?? _procedureFrom)) draft.AddRescue(_ivig, _raise);
    }
}
