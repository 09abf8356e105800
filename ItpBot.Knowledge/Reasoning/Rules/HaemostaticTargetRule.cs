using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>
/// Whenever non-emergency treatment is offered: aim for a haemostatic count, not a normal one. In critical or severe
/// bleeding the aim is to stop the bleeding, and a target-count reminder would only distract.
/// </summary>
internal sealed class HaemostaticTargetRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly Content.AlertContent _alert = kb.Alert(AlertCodes.TargetHaemostaticCount);
    private readonly double _haemostaticTop = kb.Parameter(Content.ContentKeys.Parameters.AntithromboticFullDoseCountFrom).Value;

    public string Name => "haemostatic-target";

    public void Apply(AssessmentDraft draft)
    {
        // A procedure has its own target (the procedure threshold), which the 30–50 reminder would contradict.
        if (draft.Emergency || draft.TreatOnlyForProcedure) return;
        // Also when observing below the top of the haemostatic range: the aim stays a safe count, which is the answer
        // to "can the count be made normal?".
        if (draft.OffersAny(t => t.Id != TherapyIds.Observation) || draft.Facts.CountBelow(_haemostaticTop)) draft.Alert(_alert);
    }
}
