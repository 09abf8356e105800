using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Questions;

/// <summary>Answers a clinician's (or patient's) question from the content alone, with its citations.</summary>
public sealed class ClinicalQuestions(KnowledgeBase knowledge) : IClinicalQuestions
{
    public ClinicalAnswer? Answer(ClinicalQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Kind == QuestionKind.Definition) return Define(question);

        var therapies = new List<Therapy>();
        foreach (var id in question.Therapies)
        {
            if (!knowledge.TryGetTherapy(id, out var therapy)) return null;
            therapies.Add(therapy);
        }
        if (therapies.Count == 0) return null;
        var audience = question.Audience;
        var first = therapies[0];

        return question.Kind switch
        {
            QuestionKind.Dose => Build($"{first.Name}: dosing", Dosing(first, question.WeightKg), audience),
            QuestionKind.ResponseRate => Build($"{first.Name}: response rates", first.ResponseRates.Select(r => r.Text), audience,
                first.ResponseRates.Select(r => r.Render(audience))),
            QuestionKind.SideEffects => Build($"{first.Name}: side effects", first.Contraindications.Concat(first.AdverseEffects), audience),
            QuestionKind.Onset => Build($"{first.Name}: onset", first.Onset is null ? [] : [first.Onset], audience),
            QuestionKind.Monitoring => Build($"{first.Name}: monitoring", first.Monitoring, audience),
            QuestionKind.PregnancySafety => Build($"{first.Name}: pregnancy", [first.Pregnancy.Text], audience),
            QuestionKind.Comparison when therapies.Count >= 2 => Compare(therapies[0], therapies[1], question.WeightKg, audience),
            QuestionKind.Overview => Build($"{first.Name}: overview", Overview(first, question.WeightKg), audience),
            _ => null,
        };
    }

    private ClinicalAnswer? Define(ClinicalQuestion question)
    {
        var term = question.Term?.Trim();
        if (string.IsNullOrEmpty(term)) return null;
        var definition = knowledge.Definitions.FirstOrDefault(d => d.Terms.Any(t => string.Equals(t, term, StringComparison.OrdinalIgnoreCase)))
            ?? knowledge.Definitions.FirstOrDefault(d => d.Terms.Any(t => t.Contains(term, StringComparison.OrdinalIgnoreCase)));
        if (definition is null) return null;
        // Where the seed and the guidelines disagree on a term, the answer says so.
        // The seed's side is labelled as the seed's, so it never reads as the settled definition.
        var disagreements = knowledge.Disagreements
            .Where(d => d.Topic.Contains(definition.Terms[0], StringComparison.OrdinalIgnoreCase))
            .SelectMany(d => new[] { AsSeedWording(d.Seed), d.Guideline });
        // The further paragraphs are clinician wording; patients get the plain definition and the disagreement.
        IEnumerable<CitedText> more = question.Audience == Audience.Patient ? [] : definition.More;
        return Build(Capitalised(definition.Terms[0]), [definition.Text, .. more, .. disagreements], question.Audience);
    }

    private static CitedText AsSeedWording(CitedText seed) => seed with
    {
        Text = $"The seed article's wording: {seed.Text}",
        PatientText = seed.PatientText is null ? null : $"One source puts it this way: {seed.PatientText}",
    };

    private static string Capitalised(string term) =>
        term.Length == 0 || char.IsUpper(term[0]) ? term : char.ToUpperInvariant(term[0]) + term[1..];

    private static IEnumerable<CitedText> Dosing(Therapy therapy, double? weightKg)
    {
        foreach (var regimen in therapy.Dosing)
        {
            var text = regimen.Text;
            if (regimen.WeightBased is not null && weightKg is { } weight and > 0)
                text = text with
                {
                    Text = text.Text + " " + regimen.WeightBased.Render(weight),
                    PatientText = text.PatientText is null ? null : text.PatientText + " " + regimen.WeightBased.Render(weight),
                };
            yield return text;
        }
    }

    private static IEnumerable<CitedText> Overview(Therapy therapy, double? weightKg)
    {
        yield return therapy.Summary;
        foreach (var d in Dosing(therapy, weightKg)) yield return d;
        if (therapy.Onset is not null) yield return therapy.Onset;
        foreach (var r in therapy.ResponseRates) yield return r.Text with { Text = $"{r.Text.Text} Population: {r.Population}." };
        foreach (var t in therapy.Contraindications.Concat(therapy.AdverseEffects).Concat(therapy.Monitoring)) yield return t;
        yield return therapy.Pregnancy.Text;
        foreach (var t in therapy.Access) yield return t;
    }

    private ClinicalAnswer? Compare(Therapy a, Therapy b, double? weightKg, Audience audience)
    {
        IEnumerable<CitedText> Side(Therapy t)
        {
            yield return t.Summary with { Text = $"{t.Name} ({t.DrugClass}): {t.Summary.Text}", PatientText = t.Summary.PatientText is null ? null : $"{t.Name}: {t.Summary.PatientText}" };
            foreach (var d in Dosing(t, weightKg).Take(1)) yield return d with { Text = $"{t.Name} dose: {d.Text}" };
            if (t.Onset is not null) yield return t.Onset with { Text = $"{t.Name} onset: {t.Onset.Text}" };
            foreach (var r in t.ResponseRates.Take(2)) yield return r.Text with { Text = $"{t.Name}: {r.Text.Text} Population: {r.Population}." };
        }
        return Build($"{a.Name} vs {b.Name}", Side(a).Concat(Side(b)), audience);
    }

    private ClinicalAnswer? Build(string title, IEnumerable<CitedText> texts, Audience audience, IEnumerable<string>? rendered = null)
    {
        var list = texts.ToList();
        if (list.Count == 0) return null;
        var paragraphs = rendered?.ToList() ?? list.Select(t => t.For(audience)).ToList();
        var citations = list.SelectMany(t => t.Citations).Distinct(StringComparer.Ordinal).ToList();
        return new ClinicalAnswer(title, paragraphs, citations, citations.Select(id => knowledge.References[id]).ToList())
        {
            ParagraphCitations = list.Select(t => t.Citations).ToList(),
        };
    }
}
