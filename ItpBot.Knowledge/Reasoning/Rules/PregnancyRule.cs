using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>
/// Pregnant: pregnancy-safe options only. Every therapy the content marks avoid or contraindicated in pregnancy is
/// named in <c>avoid</c> (offered or not); those with limited data drop to later.
/// </summary>
internal sealed class PregnancyRule(KnowledgeBase kb) : IAssessmentRule
{
    private const string RuleName = "pregnancy-safety";
    private readonly AlertContent _alert = kb.Alert(AlertCodes.Pregnancy);
    private readonly RuleMessage _limited = new(RuleName, kb.RuleText(ContentKeys.RuleTexts.PregnancyLimitedData));
    private readonly IReadOnlyList<(string TherapyId, RuleMessage Reason)> _unsafe = kb.TherapyCatalog
        .Where(t => t.Pregnancy.Status is PregnancyStatus.Avoid or PregnancyStatus.Contraindicated)
        .OrderByDescending(t => t.Pregnancy.Status).ThenBy(t => t.Id, StringComparer.Ordinal)
        .Select(t => (t.Id, new RuleMessage(RuleName, t.Pregnancy.Text))).ToList();
    private readonly IReadOnlyDictionary<string, RuleMessage> _cautions = kb.TherapyCatalog
        .Where(t => t.Pregnancy.Status == PregnancyStatus.Caution)
        .ToDictionary(t => t.Id, t => new RuleMessage(RuleName, t.Pregnancy.Text));

    public string Name => RuleName;

    public void Apply(AssessmentDraft draft)
    {
        var profile = draft.Facts.Profile;
        // Asked only of a woman who could be pregnant: not of a man, nor of a woman past childbearing age.
        if (profile.Pregnant is null && profile.Sex != Sex.Male && profile.ChildbearingPotential != false
            && (profile.AgeYears is null || profile.ChildbearingPotential == true || profile.AgeYears < PatientFacts.ChildbearingAgeBelow))
            draft.NeedsToKnow(ProfileFields.Pregnant);
        if (profile.Pregnant != true) return;
        if (profile.GestationWeeks is null) draft.NeedsToKnow(ProfileFields.GestationWeeks);

        draft.Alert(_alert);
        foreach (var (therapyId, reason) in _unsafe) draft.MoveToAvoid(therapyId, reason);
        foreach (var candidate in draft.Candidates)
        {
            if (!_cautions.TryGetValue(candidate.Therapy.Id, out var caution)) continue;
            draft.Caution(candidate, caution);
            if (candidate.Tier == PlanTier.Primary && !candidate.Combined)
            {
                candidate.Tier = PlanTier.Later;
                draft.Explain(candidate, _limited);
            }
        }
    }
}
