using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Newly diagnosed, persistent or chronic, from the months since diagnosis (IWG).</summary>
internal sealed class PhaseRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly double _newlyDiagnosedBefore = kb.Parameter(ContentKeys.Parameters.NewlyDiagnosedBeforeMonths).Value;
    private readonly double _chronicAfter = kb.Parameter(ContentKeys.Parameters.ChronicAfterMonths).Value;

    public string Name => "phase";

    public void Apply(AssessmentDraft draft)
    {
        if (draft.Facts.Profile.MonthsSinceDiagnosis is not { } months)
        {
            draft.NeedsToKnow(ProfileFields.MonthsSinceDiagnosis);
            return;
        }
        draft.Phase = months < _newlyDiagnosedBefore ? Phase.NewlyDiagnosed
            : months > _chronicAfter ? Phase.Chronic
            : Phase.Persistent;
    }
}
