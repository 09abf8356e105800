using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Several lines failed: re-assess the diagnosis before combinations, newer agents and trials.</summary>
internal sealed class ReassessDiagnosisRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly int _after = (int)kb.Parameter(ContentKeys.Parameters.RefractoryFailedTreatments).Value;
    private readonly AlertContent _alert = kb.Alert(AlertCodes.ReassessDiagnosis);

    public string Name => "reassess-diagnosis";

    public void Apply(AssessmentDraft draft)
    {
        if (draft.Facts.FailedTreatmentsBeyondFirstLine() >= _after) draft.Alert(_alert);
    }
}
