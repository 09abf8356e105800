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
    // Citations are de-duplicated with a bit per reference: list look-ups made composing the slowest step.
    private readonly Dictionary<string, int> _referenceIndex;
    private readonly Reference[] _referencesByIndex;
    private readonly int _words;

    public AssessmentComposer(KnowledgeBase kb)
    {
        _kb = kb;
        _referencesByIndex = kb.References.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        _referenceIndex = _referencesByIndex.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _words = (_referencesByIndex.Length + 63) / 64;
        _texts = new Dictionary<string, TherapyTexts>[Enum.GetValues<Audience>().Length];
        foreach (var audience in Enum.GetValues<Audience>())
            _texts[(int)audience] = kb.TherapyCatalog.ToDictionary(t => t.Id,
                t => new TherapyTexts(kb, t, audience, _referenceIndex), StringComparer.Ordinal);
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
        Span<ulong> cited = stackalloc ulong[_words];
        Span<ulong> local = stackalloc ulong[_words];
        var references = new List<Reference>(48);
        for (var i = 0; i < ordered.Length; i++)
        {
            var candidate = ordered[i];
            var role = RoleOf(candidate, anyPrimary, ref firstChoiceGiven);
            var therapyTexts = texts[candidate.Therapy.Id];
            var regimen = candidate.Therapy.Regimen(candidate.RegimenId);
            local.Clear();
            var optionCitations = new List<string>(candidate.Citations.Count + therapyTexts.Citations.Count + 4);
            Collect(candidate.Citations, optionCitations, local, cited, references);
            Collect(therapyTexts.CitationIndexes, optionCitations, local, cited, references);
            if (regimen is not null) Collect(regimen.Text.Citations, optionCitations, local, cited, references);
            var dosing = Dosing(regimen, draft, audience);
            options[i] = new TreatmentOption
            {
                Therapy = candidate.Therapy.Id,
                Rank = i + 1,
                Role = role,
                Summary = therapyTexts.Summary,
                Rationale = candidate.Rationale,
                Dosing = dosing,
                ResponseRates = therapyTexts.ResponseRates,
                Onset = therapyTexts.Onset,
                Cautions = candidate.Cautions.Count == 0 ? therapyTexts.Cautions : [.. candidate.Cautions, .. therapyTexts.Cautions],
                Citations = optionCitations,
                TextCitations = TextCitations(candidate, therapyTexts, dosing, regimen),
                Fit = candidate.Fit,
                OnStart = therapyTexts.OnStart,
                OnStop = therapyTexts.OnStop,
            };
        }
        foreach (var a in draft.Avoid) Collect(a.Citations, null, local, cited, references);
        foreach (var a in draft.Alerts) Collect(a.Citations, null, local, cited, references);
        foreach (var t in draft.Today) Collect(t.Citations, null, local, cited, references);
        foreach (var d in draft.Decisions) Collect(d.Citations, null, local, cited, references);
        foreach (var x in draft.Interactions) Collect(x.Citations, null, local, cited, references);
        var unrecognised = new List<string>();
        var drugs = draft.Facts.Drugs;
        for (var i = 0; i < drugs.Count; i++) if (!drugs[i].Recognised) unrecognised.Add(drugs[i].Written);

        return new Assessment
        {
            BottomLine = draft.BottomLine,
            Decisions = draft.Decisions,
            Today = draft.Today,
            Interactions = draft.Interactions,
            UnrecognisedDrugs = unrecognised,
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

    // Bleeding rescue and bridges come straight after the long-term choices, never last: then later options.
    private static int TierOrder(PlanTier tier) => tier switch { PlanTier.Primary => 0, PlanTier.Rescue => 1, _ => 2 };

    private static int CompareCandidates(Candidate a, Candidate b)
    {
        var byTier = TierOrder(a.Tier).CompareTo(TierOrder(b.Tier));
        if (byTier != 0) return byTier;
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : a.PlanIndex.CompareTo(b.PlanIndex);
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> TextCitations(
        Candidate candidate, TherapyTexts therapyTexts, string? dosing, DosingRegimen? regimen)
    {
        if (dosing is not null && regimen is not null)
        {
            candidate.TextCitations.Add(new(dosing, regimen.Text.Citations));
        }

        return candidate.TextCitations.Count == 0
            ? therapyTexts.TextCitations
            : new LayeredCitations(therapyTexts.TextCitations, candidate.TextCitations);
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

    /// <summary>
    /// Adds ids not yet in <paramref name="into"/> (tracked by <paramref name="local"/>), and references not yet
    /// listed for the whole assessment (tracked by <paramref name="all"/>), keeping first-appearance order.
    /// </summary>
    private void Collect(IReadOnlyList<string> ids, List<string>? into, Span<ulong> local, Span<ulong> all, List<Reference> references)
    {
        // Indexed: a foreach over the interface would box an enumerator for every list of citations.
        for (var i = 0; i < ids.Count; i++) Collect(_referenceIndex[ids[i]], into, local, all, references);
    }

    private void Collect(int[] indexes, List<string>? into, Span<ulong> local, Span<ulong> all, List<Reference> references)
    {
        foreach (var index in indexes) Collect(index, into, local, all, references);
    }

    private void Collect(int index, List<string>? into, Span<ulong> local, Span<ulong> all, List<Reference> references)
    {
        var word = index >> 6;
        var bit = 1UL << (index & 63);
        if (into is not null && (local[word] & bit) == 0)
        {
            local[word] |= bit;
            into.Add(_referencesByIndex[index].Id);
        }
        if ((all[word] & bit) == 0)
        {
            all[word] |= bit;
            references.Add(_referencesByIndex[index]);
        }
    }

    private static void AddAll(List<string> into, IReadOnlyList<string> ids)
    {
        foreach (var id in ids) if (!into.Contains(id)) into.Add(id);
    }

    /// <summary>A therapy's texts for one audience, ready to hand out (immutable, so shared between assessments).</summary>
    private sealed class TherapyTexts
    {
        public TherapyTexts(KnowledgeBase kb, Therapy therapy, Audience audience, IReadOnlyDictionary<string, int> referenceIndex)
        {
            Summary = therapy.Summary.For(audience);
            // Patients get only response figures and cautions written for them: trial populations and
            // label wording would otherwise reach them in clinician language.
            var responseRates = therapy.ResponseRates.Where(r => ForAudience(r.Text, audience)).ToArray();
            ResponseRates = responseRates.Select(r => r.Render(audience)).ToArray();
            Onset = therapy.Onset?.For(audience);
            var cautions = therapy.Contraindications.Concat(therapy.AdverseEffects).Concat(therapy.Monitoring)
                .Where(c => ForAudience(c, audience)).ToArray();
            Cautions = cautions.Select(c => c.For(audience)).ToArray();
            var textCitations = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            textCitations[Summary] = therapy.Summary.Citations;
            foreach (var r in responseRates) textCitations[r.Render(audience)] = r.Text.Citations;
            if (Onset is not null) textCitations[Onset] = therapy.Onset!.Citations;
            foreach (var c in cautions) textCitations[c.For(audience)] = c.Citations;
            // Safety steps on start and stop (reasoning.yaml, transitions): shared by every assessment.
            var transition = kb.Reasoning.Transitions.GetValueOrDefault(therapy.Id);
            OnStart = transition?.OnStart.Select(t => t.For(audience)).Distinct().ToArray() ?? [];
            OnStop = transition?.OnStop.Select(t => t.For(audience)).Distinct().ToArray() ?? [];
            foreach (var t in (transition?.OnStart ?? []).Concat(transition?.OnStop ?? [])) textCitations[t.For(audience)] = t.Citations;
            TextCitations = textCitations;
            var citations = new List<string>();
            AddAll(citations, therapy.Summary.Citations);
            foreach (var r in responseRates) AddAll(citations, r.Text.Citations);
            if (Onset is not null) AddAll(citations, therapy.Onset!.Citations);
            foreach (var c in cautions) AddAll(citations, c.Citations);
            foreach (var t in (transition?.OnStart ?? []).Concat(transition?.OnStop ?? [])) AddAll(citations, t.Citations);
            Citations = citations;
            CitationIndexes = citations.Select(id => referenceIndex[id]).ToArray();
        }

        private static bool ForAudience(CitedText text, Audience audience) =>
            audience != Audience.Patient || text.PatientText is not null;

        public string Summary { get; }
        public IReadOnlyList<string> OnStart { get; }
        public IReadOnlyList<string> OnStop { get; }
        public IReadOnlyList<string> ResponseRates { get; }
        public string? Onset { get; }
        public IReadOnlyList<string> Cautions { get; }
        public IReadOnlyList<string> Citations { get; }
        public int[] CitationIndexes { get; }
        public IReadOnlyDictionary<string, IReadOnlyList<string>> TextCitations { get; }
    }
}
