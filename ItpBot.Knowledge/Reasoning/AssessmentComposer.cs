using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning;

/// <summary>
/// Turns a finished draft into the contract's <see cref="Assessment"/>: orders and labels the options, renders
/// doses for the patient's weight, and lists every cited reference. Therapy texts are prepared once per audience.
/// </summary>
internal sealed class AssessmentComposer
{
    private readonly KnowledgeBase _kb;
    private readonly Dictionary<string, TherapyTexts>[] _texts;

    public AssessmentComposer(KnowledgeBase kb)
    {
        _kb = kb;
        _texts = new Dictionary<string, TherapyTexts>[Enum.GetValues<Audience>().Length];
        foreach (var audience in Enum.GetValues<Audience>())
            _texts[(int)audience] = kb.TherapyCatalog.ToDictionary(t => t.Id, t => new TherapyTexts(t, audience), StringComparer.Ordinal);
    }

    public Assessment Compose(AssessmentDraft draft)
    {
        var audience = draft.Audience;
        var texts = _texts[(int)audience];
        var ordered = draft.Candidates.ToArray();
        Array.Sort(ordered, CompareCandidates);

        var options = new TreatmentOption[ordered.Length];
        var firstChoiceGiven = false;
        var anyPrimary = Array.Exists(ordered, c => c.Tier == PlanTier.Primary);
        var citations = new List<string>(32);
        for (var i = 0; i < ordered.Length; i++)
        {
            var candidate = ordered[i];
            var role = RoleOf(candidate, anyPrimary, ref firstChoiceGiven);
            var therapyTexts = texts[candidate.Therapy.Id];
            var regimen = candidate.Therapy.Regimen(candidate.RegimenId);
            var optionCitations = Merge(candidate.Citations, therapyTexts.Citations, regimen?.Text.Citations);
            AddAll(citations, optionCitations);
            options[i] = new TreatmentOption
            {
                Therapy = candidate.Therapy.Id,
                Rank = i + 1,
                Role = role,
                Summary = therapyTexts.Summary,
                Rationale = candidate.Rationale,
                Dosing = Dosing(regimen, draft, audience),
                ResponseRates = therapyTexts.ResponseRates,
                Onset = therapyTexts.Onset,
                Cautions = candidate.Cautions.Count == 0 ? therapyTexts.Cautions : [.. candidate.Cautions, .. therapyTexts.Cautions],
                Citations = optionCitations,
            };
        }
        foreach (var a in draft.Avoid) AddAll(citations, a.Citations);
        foreach (var a in draft.Alerts) AddAll(citations, a.Citations);

        var references = new Reference[citations.Count];
        for (var i = 0; i < citations.Count; i++) references[i] = _kb.References[citations[i]];

        return new Assessment
        {
            Urgency = draft.Urgency,
            BleedingRisk = draft.BleedingRisk,
            Phase = draft.Phase,
            Options = options,
            Avoid = draft.Avoid,
            Alerts = draft.Alerts,
            Missing = draft.Missing,
            References = references,
            ContentVersion = _kb.ContentVersion,
        };
    }

    private static int CompareCandidates(Candidate a, Candidate b)
    {
        var byTier = a.Tier.CompareTo(b.Tier);
        if (byTier != 0) return byTier;
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : a.PlanIndex.CompareTo(b.PlanIndex);
    }

    private static OptionRole RoleOf(Candidate candidate, bool anyPrimary, ref bool firstChoiceGiven)
    {
        if (candidate.Tier == PlanTier.Rescue) return OptionRole.Rescue;
        if (candidate.Tier == PlanTier.Primary && candidate.Combined)
        {
            firstChoiceGiven = true;
            return OptionRole.FirstChoice;
        }
        // When every primary option was ruled out, the best of the later ones leads.
        if (!firstChoiceGiven && (candidate.Tier == PlanTier.Primary || !anyPrimary))
        {
            firstChoiceGiven = true;
            return OptionRole.FirstChoice;
        }
        return candidate.Tier == PlanTier.Primary ? OptionRole.Alternative : OptionRole.Later;
    }

    private static string? Dosing(DosingRegimen? regimen, AssessmentDraft draft, Audience audience)
    {
        if (regimen is null) return null;
        var text = regimen.Text.For(audience);
        if (regimen.WeightBased is null) return text;
        if (draft.Facts.Profile.WeightKg is { } weight and > 0) return text + " " + regimen.WeightBased.Render(weight);
        draft.NeedsToKnow(ProfileFields.WeightKg);
        return text;
    }

    private static List<string> Merge(List<string> first, IReadOnlyList<string> second, IReadOnlyList<string>? third)
    {
        var merged = new List<string>(first.Count + second.Count + (third?.Count ?? 0));
        AddAll(merged, first);
        AddAll(merged, second);
        if (third is not null) AddAll(merged, third);
        return merged;
    }

    private static void AddAll(List<string> into, IReadOnlyList<string> ids)
    {
        foreach (var id in ids) if (!into.Contains(id)) into.Add(id);
    }

    /// <summary>A therapy's texts for one audience, ready to hand out (immutable, so shared between assessments).</summary>
    private sealed class TherapyTexts
    {
        public TherapyTexts(Therapy therapy, Audience audience)
        {
            Summary = therapy.Summary.For(audience);
            ResponseRates = therapy.ResponseRates.Select(r => r.Render(audience)).ToArray();
            Onset = therapy.Onset?.For(audience);
            var cautions = therapy.Contraindications.Concat(therapy.AdverseEffects).Concat(therapy.Monitoring).ToArray();
            Cautions = cautions.Select(c => c.For(audience)).ToArray();
            var citations = new List<string>();
            AddAll(citations, therapy.Summary.Citations);
            foreach (var r in therapy.ResponseRates) AddAll(citations, r.Text.Citations);
            if (therapy.Onset is not null) AddAll(citations, therapy.Onset.Citations);
            foreach (var c in cautions) AddAll(citations, c.Citations);
            Citations = citations;
        }

        public string Summary { get; }
        public IReadOnlyList<string> ResponseRates { get; }
        public string? Onset { get; }
        public IReadOnlyList<string> Cautions { get; }
        public IReadOnlyList<string> Citations { get; }
    }
}
