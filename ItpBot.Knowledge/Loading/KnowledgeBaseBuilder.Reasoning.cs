using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;
using static ItpBot.Knowledge.Loading.ContentLoader;

namespace ItpBot.Knowledge.Loading;

/// <summary>Reads reasoning.yaml: texts, drugs, interactions, procedure targets, titration, grades, transitions, questions.</summary>
internal sealed partial class KnowledgeBaseBuilder
{
    private ReasoningContent? _reasoning;

    public void ReadReasoning(ReasoningDoc doc)
    {
        const string f = ReasoningFile;
        var texts = new Dictionary<string, CitedText>(StringComparer.Ordinal);
        _p.Unique((doc.Texts ?? []).Select(t => t.Id), f, "texts.id");
        foreach (var t in doc.Texts ?? [])
        {
            var id = _p.Required(t.Id, f, t.Id ?? "texts", "id");
            texts.TryAdd(id, WithInstead(ReasoningText(t.Text, t.Patient, t.Citations, t.Uncertain, id, "text"), t.Uses, t.Instead, id, "text"));
        }
        foreach (var id in ContentKeys.ReasoningTexts.All.Where(k => !texts.ContainsKey(k)))
            _p.Add(f, id, "texts", "required text is missing (the reasoning uses it)");

        var drugs = new List<KnownDrug>();
        var classes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in doc.Drugs ?? [])
        {
            var name = _p.Required(d.Name, f, d.Name ?? "drugs", "name");
            var drugClasses = (d.Classes ?? []).ToHashSet(StringComparer.Ordinal);
            if (drugClasses.Count == 0) _p.Add(f, name, "classes", "needs at least one class");
            classes.UnionWith(drugClasses);
            drugs.Add(new KnownDrug(name, (d.Synonyms ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).ToList(), drugClasses,
                _p.Citations(d.Citations, f, name, "citations")));
        }
        _p.Unique(drugs.SelectMany(d => d.Synonyms.Append(d.Name)).Select(n => n.ToLowerInvariant()), f, "drugs.name/synonyms");

        var interactions = new List<InteractionRule>();
        foreach (var (x, i) in (doc.Interactions ?? []).Select((x, i) => (x, i)))
        {
            var entry = $"interactions[{i}] {x.Therapy}/{x.Class}";
            var therapy = KnownTherapy(x.Therapy, entry);
            var drugClass = _p.Required(x.Class, f, entry, "class");
            if (drugClass.Length > 0 && !classes.Contains(drugClass)) _p.Add(f, entry, "class", $"no drug has class '{drugClass}'");
            interactions.Add(new InteractionRule(therapy, drugClass, _p.Enum<InteractionSeverity>(x.Severity, f, entry, "severity"),
                _p.Text(x.Text, x.Patient, x.Citations, false, f, entry, "text")));
        }

        var targets = new Dictionary<ProcedureKind, ProcedureTarget>();
        foreach (var x in doc.ProcedureTargets ?? [])
        {
            var entry = x.Procedure ?? "procedureTargets";
            var kind = _p.Enum<ProcedureKind>(x.Procedure, f, entry, "procedure");
            if (!targets.TryAdd(kind, new ProcedureTarget(kind, _p.Range(x.CountFrom, 0, MaxCount, f, entry, "countFrom"),
                    ReasoningText(x.Text, null, x.Citations, x.Uncertain, entry, "text"))))
                _p.Add(f, entry, "procedure", "duplicate procedure");
        }
        foreach (var kind in Enum.GetValues<ProcedureKind>().Where(k => !targets.ContainsKey(k)))
            _p.Add(f, kind.ToString(), "procedureTargets", "procedure has no target count");

        var titrations = new Dictionary<string, Titration>(StringComparer.Ordinal);
        foreach (var x in doc.Titration ?? [])
        {
            var entry = x.Therapy ?? "titration";
            var therapy = KnownTherapy(x.Therapy, entry);
            titrations.TryAdd(therapy, new Titration(therapy, _p.Required(x.Unit, f, entry, "unit"),
                _p.Range(x.Step, 0, 1000, f, entry, "step"), _p.Range(x.Max, 0, 1000, f, entry, "max"),
                _p.Range(x.IncreaseBelow, 0, MaxCount, f, entry, "increaseBelow"),
                _p.Range(x.ReduceFrom, 0, MaxCount, f, entry, "reduceFrom"),
                _p.Range(x.HoldAbove, 0, MaxCount, f, entry, "holdAbove"),
                _p.Text(x.Increase, f, entry, "increase"), _p.Text(x.Reduce, f, entry, "reduce"), _p.Text(x.Hold, f, entry, "hold")));
        }

        var grades = new Dictionary<string, OptionGrade>(StringComparer.Ordinal);
        foreach (var x in doc.Grades ?? [])
        {
            var entry = x.Therapy ?? "grades";
            var therapy = KnownTherapy(x.Therapy, entry);
            double? durable = x.Durable is null ? null : _p.Range(x.Durable, 0, 100, f, entry, "durable");
            double? favourable = x.FavourableDurable is null ? null : _p.Range(x.FavourableDurable, 0, 100, f, entry, "favourableDurable");
            grades.TryAdd(therapy, new OptionGrade(therapy, durable, x.ComparableTo, favourable,
                _p.Text(x.DurableText, f, entry, "durableText"),
                _p.Enum<FitGrade>(x.Durability, f, entry, "durability"), _p.Enum<FitGrade>(x.Onset, f, entry, "onset"),
                _p.Enum<FitGrade>(x.Burden, f, entry, "burden")));
        }
        foreach (var g in grades.Values.Where(g => g.ComparableTo is not null))
        {
            if (!grades.TryGetValue(g.ComparableTo!, out var other) || other.Durable is null)
                _p.Add(f, g.Therapy, "comparableTo", $"'{g.ComparableTo}' has no durable figure to compare with");
        }

        var transitions = new Dictionary<string, Transition>(StringComparer.Ordinal);
        foreach (var x in doc.Transitions ?? [])
        {
            var entry = x.Therapy ?? "transitions";
            var therapy = KnownTherapy(x.Therapy, entry);
            transitions.TryAdd(therapy, new Transition(therapy,
                (x.OnStart ?? []).Select((t, i) => WithInstead(_p.Text(t, f, entry, $"onStart[{i}]"), t.Uses, t.Instead, entry, $"onStart[{i}]")).ToList(),
                (x.OnStop ?? []).Select((t, i) => WithInstead(_p.Text(t, f, entry, $"onStop[{i}]"), t.Uses, t.Instead, entry, $"onStop[{i}]")).ToList()));
        }

        var questions = new List<QuestionKind>();
        foreach (var q in doc.Questions ?? [])
        {
            var kind = _p.Required(q.Kind, f, q.Kind ?? "questions", "kind");
            if (kind.Length > 0 && !ContentKeys.QuestionKinds.All.Contains(kind)) _p.Add(f, kind, "kind", "unknown question kind (no code answers it)");
            var words = (q.Words ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.ToLowerInvariant()).ToList();
            if (words.Count == 0) _p.Add(f, kind, "words", "needs at least one word");
            questions.Add(new QuestionKind(kind, words));
        }

        _reasoning = new ReasoningContent(texts, drugs, interactions, targets, titrations, grades, transitions, questions);
    }

    // An uncertain fact may have no source (the gap is listed for review); a settled one needs a citation.
    private CitedText ReasoningText(string? text, string? patient, List<string>? citations, bool uncertain, string entry, string field)
    {
        if (!uncertain || citations is { Count: > 0 }) return _p.Text(text, patient, citations, uncertain, ReasoningFile, entry, field);
        var clinician = "Uncertain: " + _p.Required(text, ReasoningFile, entry, field);
        return new CitedText(clinician, string.IsNullOrWhiteSpace(patient) ? null : "Uncertain: " + patient.Trim(), [], Uncertain: true);
    }

    // A step that relies on one therapy ("IVIG to raise the count") says what to do where that therapy cannot be
    // obtained, so a plan never tells a clinician to use what the patient has no access to.
    private CitedText WithInstead(CitedText text, string? uses, TextDoc? instead, string entry, string field)
    {
        if (uses is null && instead is null) return text;
        if (uses is null || instead is null)
        {
            _p.Add(ReasoningFile, entry, field, "'uses' and 'instead' go together");
            return text;
        }
        var therapy = KnownTherapy(uses, entry);
        if (instead.Uses is not null || instead.Instead is not null)
            _p.Add(ReasoningFile, entry, field + ".instead", "an alternative cannot have an alternative of its own");
        return text with { Uses = therapy, Instead = _p.Text(instead, ReasoningFile, entry, field + ".instead") };
    }

    private string KnownTherapy(string? id, string entry)
    {
        var therapy = _p.Required(id, ReasoningFile, entry, "therapy");
        if (therapy.Length > 0 && !TherapyIds.IsKnown(therapy)) _p.Add(ReasoningFile, entry, "therapy", $"'{therapy}' is not a contract therapy id");
        return therapy;
    }
}
