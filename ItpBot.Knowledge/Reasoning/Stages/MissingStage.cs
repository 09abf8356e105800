using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Stages;

/// <summary>
/// The version 2 fields worth asking for: only those that would change this answer, most important first. The
/// procedure (its target count), current drugs (when an antithrombotic or an interaction matters), childbearing
/// potential and pregnancy plans (a woman who could become pregnant, with a drug that harms a pregnancy or rituximab
/// near the top; the plan alone when an option near the top is one a plan changes, as its content says), HBV status (rituximab near the top), vaccinations (no spleen: whether they are current changes today's steps; before a
/// splenectomy or rituximab the vaccination alert applies whatever the status, so asking would change nothing).
/// </summary>
internal sealed class MissingStage(KnowledgeBase kb) : IAssessmentRule
{
    // Interactions that change the choice (a label "avoid" or a major risk), not only the timing of a dose.
    private readonly IReadOnlySet<string> _interacting = kb.Reasoning.Interactions
        .Where(i => i.Severity != InteractionSeverity.Adjust).Select(i => i.Therapy).ToHashSet(StringComparer.Ordinal);

    public string Name => "missing";

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        var profile = facts.Profile;
        var top = TransitionsStage.TopOptions(draft);
        if (profile.UpcomingProcedure == true && profile.Procedure is null) draft.NeedsToKnow(ProfileFields.Procedure);
        if (profile.CurrentDrugs is not { Count: > 0 }
            && (profile.Antithrombotics is { Count: > 0 } || top.Any(c => _interacting.Contains(c.Therapy.Id))))
            draft.NeedsToKnow(ProfileFields.CurrentDrugs);
        var harmfulNearTop = top.Any(c => c.Therapy.Id == TherapyIds.Rituximab
            || c.Therapy.Pregnancy.Status is PregnancyStatus.Avoid or PregnancyStatus.Contraindicated);
        if (harmfulNearTop && facts.CouldBecomePregnant)
        {
            if (profile.ChildbearingPotential is null) draft.NeedsToKnow(ProfileFields.ChildbearingPotential);
            if (profile.PregnancyPlanned is null) draft.NeedsToKnow(ProfileFields.PregnancyPlanned);
        }
        // An option a plan would change (its content names the cited reason: a TPO-RA stops at conception): only the
        // plan is asked, as a plan says she could conceive and no plan leaves the option as it is.
        else if (facts.CouldBecomePregnant && profile.PregnancyPlanned is null && top.Any(c => c.Therapy.Pregnancy.Planned is not null))
        {
            draft.NeedsToKnow(ProfileFields.PregnancyPlanned);
        }
        var rituximabNearTop = top.Any(c => c.Therapy.Id == TherapyIds.Rituximab);
        if (rituximabNearTop && profile.HbvStatus is null && !facts.Has(Comorbidity.HepatitisB)) draft.NeedsToKnow(ProfileFields.HbvStatus);
        if (profile.VaccinationsUpToDate is null && facts.SplenectomyDone)
            draft.NeedsToKnow(ProfileFields.VaccinationsUpToDate);
    }
}
