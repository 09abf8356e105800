using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Prompt care for high bleeding risk, a newly diagnosed very low count, or a procedure soon with a low count.</summary>
internal sealed class UrgencyRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly double _admissionBelow = kb.Parameter(ContentKeys.Parameters.AdmissionCountBelow).Value;
    private readonly double _procedureFrom = kb.Parameter(ContentKeys.Parameters.ProcedureCountFrom).Value;
    private readonly AlertContent _admission = kb.Alert(AlertCodes.ConsiderAdmission);

    public string Name => "urgency";

    public void Apply(AssessmentDraft draft)
    {
        if (draft.Emergency) return;
        var facts = draft.Facts;
        var admission = draft.Phase == Phase.NewlyDiagnosed && facts.CountBelow(_admissionBelow);
        if (admission) draft.Alert(_admission);
        var prompt = draft.BleedingRisk == BleedingRisk.High
            || admission
            || (facts.Profile.UpcomingProcedure == true && facts.CountBelow(_procedureFrom));
        draft.Urgency = prompt ? Urgency.Prompt : Urgency.Routine;
    }
}
