using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Reasoning;

/// <summary>A therapy under consideration, with what the rules have said about it so far.</summary>
internal sealed class Candidate(Therapy therapy, PlanTier tier, bool combined, string? regimenId, int planIndex)
{
    public Therapy Therapy { get; } = therapy;
    public PlanTier Tier { get; set; } = tier;
    public bool Combined { get; } = combined;
    public string? RegimenId { get; set; } = regimenId;
    public int PlanIndex { get; } = planIndex;
    /// <summary>Lower is better; starts at the plan position and moves by the content's ranking step.</summary>
    public int Score { get; set; } = planIndex;
    public List<string> Rationale { get; } = new(4);
    /// <summary>The patient-specific reason that, when set, answers "why this first" before the plan's general one.</summary>
    public string? KeyReason { get; set; }
    public List<string> Cautions { get; } = new(2);
    public List<string> Citations { get; } = new(8);
    /// <summary>What each rationale and caution text rests on, for per-sentence citations (a later entry for the same text wins).</summary>
    public List<KeyValuePair<string, IReadOnlyList<string>>> TextCitations { get; } = new(4);

    public void Cite(IReadOnlyList<string> citations)
    {
        // Indexed, not foreach: an interface foreach boxes an enumerator, and this runs for every reason given.
        for (var i = 0; i < citations.Count; i++)
            if (!Citations.Contains(citations[i])) Citations.Add(citations[i]);
    }

    // Version 2: the weighing and the transitions.
    /// <summary>Net preference fit: each preference it meets +1, each it goes against −1.</summary>
    public int Preference { get; set; }
    /// <summary>A patient-specific safety concern weighs against it (comorbidity, interaction, operative risk).</summary>
    public bool SafetyAgainst { get; set; }
    public bool SafetyFavours { get; set; }
    public bool EfficacyAgainst { get; set; }
    public bool EfficacyFavours { get; set; }
    /// <summary>Durable response used for this patient, when a response predictor changes the typical figure.</summary>
    public double? DurableForPatient { get; set; }
    /// <summary>Leads whatever the weighing: the current treatment, to be titrated or continued.</summary>
    public bool Lead { get; set; }
    public OptionFit? Fit { get; set; }
    /// <summary>Adds a reason already said (placeholders filled), with the sources of its facts, once.</summary>
    public void Note(string said, IReadOnlyList<string> citations)
    {
        if (Rationale.Contains(said)) return;
        Rationale.Add(said);
        TextCitations.Add(new(said, citations));
        Cite(citations);
    }

    /// <summary>The citations recorded for one of this candidate's texts (the latest wins).</summary>
    public IReadOnlyList<string> CitationsOfText(string text)
    {
        for (var i = TextCitations.Count - 1; i >= 0; i--)
            if (TextCitations[i].Key == text) return TextCitations[i].Value;
        return [];
    }

    /// <summary>Extra score from lesser concerns (dose or timing interactions): smaller than a ranking step.</summary>
    public int Nudge { get; set; }
}

/// <summary>The assessment while the rules work on it. One per <c>Assess</c> call; never shared.</summary>
internal sealed class AssessmentDraft(PatientFacts facts)
{
    private readonly HashSet<string> _blocked = new(StringComparer.Ordinal);

    public PatientFacts Facts { get; } = facts;
    public Audience Audience => Facts.Audience;
    public Urgency Urgency { get; set; } = Urgency.Routine;
    public BleedingRisk BleedingRisk { get; set; } = BleedingRisk.Low;
    public Phase? Phase { get; set; }
    public bool Emergency { get; set; }
    /// <summary>Null when the count and bleeding are unknown.</summary>
    public bool? TreatmentIndicated { get; set; }
    public string? PlanId { get; set; }
    /// <summary>Treatment is indicated only to reach a safe count for a procedure or delivery soon.</summary>
    public bool TreatOnlyForProcedure { get; set; }
    public List<Candidate> Candidates { get; } = new(12);
    public List<AvoidedTherapy> Avoid { get; } = new(4);
    public List<Alert> Alerts { get; } = new(6);
    public List<string> Missing { get; } = new(6);

    /// <summary>Today's label titration step for a current TPO-RA, when the count calls for one.</summary>
    public (string Text, IReadOnlyList<string> Citations)? Titration { get; set; }

    // Version 2.
    public List<TodayStep> Today { get; } = new(6);
    public List<Decision> Decisions { get; } = new(8);
    public List<DrugInteraction> Interactions { get; } = new(2);
    public string? BottomLine { get; set; }
    /// <summary>The current maintenance treatment that works and continues (null when none, or when it must stop).</summary>
    public Therapy? ContinuingCurrent { get; set; }
    /// <summary>The current treatment that works but must stop (liver stop rule, pregnancy, a planned pregnancy).</summary>
    public Therapy? ReplacingCurrent { get; set; }
    public CitedText? ReplacingReason { get; set; }
    /// <summary>Current TPO-RAs that are being stopped or switched (rebound on stop).</summary>
    public List<Therapy> StoppingTpoRas { get; } = new(1);
    /// <summary>Refractory by IWG 2009 (failed splenectomy) or by the newer multi-drug definition.</summary>
    public bool RefractoryIwg { get; set; }
    public bool RefractoryMulti { get; set; }
    /// <summary>The first options in order, once the choice stage has ordered them (cached).</summary>
    public IReadOnlyList<Candidate>? Top { get; set; }
    /// <summary>Bridge and bleeding-control therapies chosen for today, in the order chosen.</summary>
    public List<string> Bridges { get; } = new(3);
    /// <summary>The procedure's target count when a procedure is coming.</summary>
    public double? ProcedureTarget { get; set; }

    public bool IsBlocked(string therapyId) => _blocked.Contains(therapyId);

    public AvoidedTherapy? AvoidOf(string therapyId)
    {
        foreach (var a in Avoid) if (a.Therapy == therapyId) return a;
        return null;
    }

    /// <summary>A content text for this audience with its placeholders filled.</summary>
    public string Say(CitedText text, params ReadOnlySpan<(string Key, string Value)> values)
    {
        var said = text.For(Audience);
        // Most texts have no placeholder: hand out the content string itself.
        if (values.Length == 0 || !said.Contains('{', StringComparison.Ordinal)) return said;
        foreach (var (key, value) in values) said = said.Replace(Placeholder(key), value, StringComparison.Ordinal);
        return said;
    }

    // The placeholders the rules fill, spelled once instead of concatenated on every call.
    private static string Placeholder(string key) => key switch
    {
        "therapy" => "{therapy}",
        "drugs" => "{drugs}",
        "count" => "{count}",
        "next" => "{next}",
        "first" => "{first}",
        _ => "{" + key + "}",
    };

    public void AddToday(CitedText text, params ReadOnlySpan<(string Key, string Value)> values)
    {
        text = Usable(text);
        AddToday(Say(text, values), text.Citations);
    }

    /// <summary>The text, or what the content says instead where the therapy it relies on is unavailable.</summary>
    public CitedText Usable(CitedText text) => text.Instead is null ? text : text.Given(Facts.Profile.Unavailable);

    public void AddToday(string action, IReadOnlyList<string> citations) => AddToday(action, citations, null);

    /// <summary>Drug names as the clinician wrote them may open a sentence ("apixaban at 36: ...").</summary>
    internal static string Capitalised(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    public void AddToday(string action, IReadOnlyList<string> citations, IReadOnlyList<string>? reasons)
    {
        action = Capitalised(action);
        foreach (var t in Today) if (t.Action == action) return;
        Today.Add(new TodayStep(action, reasons ?? [], citations));
    }

    public void Decide(DecisionTopic topic, string answer, IReadOnlyList<string> citations, IReadOnlyList<string>? reasons = null)
    {
        foreach (var d in Decisions) if (d.Topic == topic) return;
        Decisions.Add(new Decision(topic, Capitalised(answer), reasons ?? [], citations));
    }

    public Decision? DecisionOf(DecisionTopic topic)
    {
        foreach (var d in Decisions) if (d.Topic == topic) return d;
        return null;
    }

    /// <summary>Moves to avoid with a message already said (placeholders filled).</summary>
    public void MoveToAvoid(string therapyId, string reason, IReadOnlyList<string> citations)
    {
        Block(therapyId);
        foreach (var a in Avoid) if (a.Therapy == therapyId) return;
        Avoid.Add(new AvoidedTherapy(therapyId, reason, citations));
    }

    public Candidate? Find(string therapyId)
    {
        foreach (var c in Candidates) if (c.Therapy.Id == therapyId) return c;
        return null;
    }

    public bool Offers(string therapyId) => Find(therapyId) is not null;

    public void Offer(PreparedPlan plan, string id)
    {
        PlanId = id;
        foreach (var (entry, reason) in plan.Entries)
        {
            if (_blocked.Contains(entry.Therapy.Id) || Offers(entry.Therapy.Id)) continue;
            var candidate = new Candidate(entry.Therapy, entry.Tier, entry.Combined, entry.RegimenId, Candidates.Count);
            Explain(candidate, reason);
            Candidates.Add(candidate);
        }
    }

    /// <summary>Adds a rescue option (or explains an existing one) unless it is blocked.</summary>
    public void AddRescue(Therapy therapy, RuleMessage why)
    {
        if (_blocked.Contains(therapy.Id)) return;
        var candidate = Find(therapy.Id);
        if (candidate is null)
        {
            candidate = new Candidate(therapy, PlanTier.Rescue, combined: false, regimenId: null, Candidates.Count);
            Candidates.Add(candidate);
        }
        Explain(candidate, why);
    }

    /// <summary>Moves a candidate up (negative steps) or down, saying why.</summary>
    public void Rank(Candidate candidate, int steps, RuleMessage why)
    {
        candidate.Score += steps;
        Explain(candidate, why);
    }

    public void Explain(Candidate candidate, RuleMessage why)
    {
        var text = why.Explained(Audience);
        candidate.Rationale.Add(text);
        candidate.TextCitations.Add(new(text, why.Citations));
        candidate.Cite(why.Citations);
    }

    public void Caution(Candidate candidate, RuleMessage caution)
    {
        var text = caution.Plain(Audience);
        candidate.Cautions.Add(text);
        candidate.TextCitations.Add(new(text, caution.Citations));
        candidate.Cite(caution.Citations);
    }

    /// <summary>Must not be used now: removed from the options and named in <c>avoid</c> with the reason.</summary>
    public void MoveToAvoid(string therapyId, RuleMessage reason)
    {
        Block(therapyId);
        foreach (var a in Avoid) if (a.Therapy == therapyId) return;
        Avoid.Add(new AvoidedTherapy(therapyId, reason.Plain(Audience), reason.Citations));
    }

    /// <summary>Not offered and never re-added (unavailable, already done), without an avoid entry.</summary>
    public void Block(string therapyId)
    {
        _blocked.Add(therapyId);
        for (var i = Candidates.Count - 1; i >= 0; i--)
            if (Candidates[i].Therapy.Id == therapyId) Candidates.RemoveAt(i);
    }

    public void Alert(AlertContent alert)
    {
        foreach (var a in Alerts) if (a.Code == alert.Code) return;
        Alerts.Add(new Alert(alert.Code, alert.Text.For(Audience), alert.Text.Citations));
    }

    public void NeedsToKnow(string field)
    {
        if (!Missing.Contains(field)) Missing.Add(field);
    }

    public bool OffersAnyTpoRa()
    {
        foreach (var c in Candidates) if (c.Therapy.IsTpoRa) return true;
        return false;
    }

    public bool OffersAny(Func<Therapy, bool> predicate)
    {
        foreach (var c in Candidates) if (predicate(c.Therapy)) return true;
        return false;
    }
}

/// <summary>One clinical rule: reads the facts and the draft, and may rank, avoid, alert or add a rescue option.</summary>
internal interface IAssessmentRule
{
    /// <summary>The name shown in rationales.</summary>
    string Name { get; }

    void Apply(AssessmentDraft draft);
}
