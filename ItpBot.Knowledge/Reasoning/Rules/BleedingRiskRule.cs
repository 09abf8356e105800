using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning.Rules;

/// <summary>Bleeding risk from count, bleeding, age, antithrombotics and comorbidities, weighted by the content.</summary>
internal sealed class BleedingRiskRule(KnowledgeBase kb) : IAssessmentRule
{
    private readonly IReadOnlyList<RiskFactor> _factors = kb.RiskFactors;
    private readonly int _highFrom = kb.HighRiskFrom;
    private readonly int _moderateFrom = kb.ModerateRiskFrom;

    public string Name => "bleeding-risk";

    public void Apply(AssessmentDraft draft)
    {
        var facts = draft.Facts;
        var profile = facts.Profile;
        if (profile.PlateletCount is null) draft.NeedsToKnow(ProfileFields.PlateletCount);
        if (profile.Bleeding is null) draft.NeedsToKnow(ProfileFields.Bleeding);
        if (profile.AgeYears is null) draft.NeedsToKnow(ProfileFields.AgeYears);
        // The current drug list, when given, already says whether an antithrombotic is taken.
        if (profile.Antithrombotics is null && profile.CurrentDrugs is null) draft.NeedsToKnow(ProfileFields.Antithrombotics);
        if (profile.Comorbidities is null) draft.NeedsToKnow(ProfileFields.Comorbidities);
        if (draft.Emergency) return;

        var score = 0;
        foreach (var factor in _factors)
            if (Applies(factor, facts)) score += factor.Weight;
        draft.BleedingRisk = score >= _highFrom ? BleedingRisk.High
            : score >= _moderateFrom ? BleedingRisk.Moderate
            : BleedingRisk.Low;
    }

    private static bool Applies(RiskFactor factor, PatientFacts facts) => factor.Kind switch
    {
        RiskFactorKind.CountBelow => facts.CountBelow(factor.Threshold!.Value),
        RiskFactorKind.AgeFrom => facts.Profile.AgeYears >= factor.Threshold,
        RiskFactorKind.Bleeding => facts.Profile.Bleeding == factor.Bleeding,
        RiskFactorKind.Antithrombotic => facts.Profile.Antithrombotics is { Count: > 0 },
        RiskFactorKind.Comorbidity => facts.Profile.Comorbidities?.Any(factor.Comorbidities.Contains) == true,
        _ => false,
    };
}
