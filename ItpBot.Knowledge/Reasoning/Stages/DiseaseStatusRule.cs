using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Stages;

/// <summary>
/// Stage 1: refractory or not, per the content's definitions. IWG 2009: no response or a relapse after splenectomy,
/// and treatment still needed. The newer definition (Miltiadous 2020): no response to 2 or more treatments beyond
/// first line. A relapse after a response is not a failure, and a TPO-RA whose trial is in doubt is not yet one.
/// </summary>
internal sealed class DiseaseStatusRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly int _refractoryAfter = (int)kb.Parameter(ContentKeys.Parameters.RefractoryFailedTreatments).Value;

    public string Name => "disease-status";

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        var onTreatment = false;
        foreach (var p in facts.Priors)
            if (p.Outcome is TreatmentOutcome.Ongoing or TreatmentOutcome.Dependent or TreatmentOutcome.Response && p.Therapy != TherapyIds.Splenectomy)
                onTreatment = true;
        draft.RefractoryIwg = facts.SplenectomyDone && !facts.Had(TherapyIds.Splenectomy, TreatmentOutcome.Response)
            && (draft.TreatmentIndicated != false || onTreatment);
        draft.RefractoryMulti = facts.FailedTreatmentsBeyondFirstLine() >= _refractoryAfter;
    }
}
