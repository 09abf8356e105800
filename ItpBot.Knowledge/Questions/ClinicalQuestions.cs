using ItpBot.Knowledge.Content;
using ItpBot.Knowledge.Model;

namespace ItpBot.Knowledge.Questions;

/// <summary>
/// Answers questions asked at any point of a conversation from the content alone: every sentence is a content
/// sentence, cited inline as "[reference-id]" (the Dialogs layer turns those into numbers). Nothing is invented:
/// a question the content cannot answer gets null.
/// </summary>
public sealed class ClinicalQuestions(KnowledgeBase knowledge) : IClinicalQuestions
{
    public ClinicalAnswer? Answer(ClinicalQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Kind switch
        {
            QuestionKind.Definition => Definition(question),
            QuestionKind.Comparison => Comparison(question),
            _ => AboutOneTherapy(question),
        };
    }

    private ClinicalAnswer? AboutOneTherapy(ClinicalQuestion question)
    {
        if (question.Therapies.Count == 0 || !knowledge.TryGetTherapy(question.Therapies[0], out var therapy))
        {
            return question.Term is not null ? Definition(question) : null;
        }

        var audience = question.Audience;
        var paragraphs = question.Kind switch
        {
            QuestionKind.Dose => Dosing(therapy, question.WeightKg, audience),
            QuestionKind.ResponseRate => therapy.ResponseRates.Select(r => Cited(r.Text, audience, $" ({r.Population})")).ToList(),
            QuestionKind.SideEffects => therapy.AdverseEffects.Select(t => Cited(t, audience)).ToList(),
            QuestionKind.Onset => therapy.Onset is { } onset ? [Cited(onset, audience)] : [],
            QuestionKind.Monitoring => therapy.Monitoring.Select(t => Cited(t, audience)).ToList(),
            QuestionKind.PregnancySafety => [Cited(therapy.Pregnancy.Text, audience)],
            _ => Overview(therapy, question.WeightKg, audience),
        };

        return paragraphs.Count == 0 ? null : Build($"{therapy.Name}: {Title(question.Kind)}", paragraphs);
    }

    private ClinicalAnswer? Comparison(ClinicalQuestion question)
    {
        var therapies = question.Therapies
            .Select(id => knowledge.TryGetTherapy(id, out var t) ? t : null)
            .OfType<Therapy>()
            .Take(2)
            .ToList();
        if (therapies.Count < 2)
        {
            return null;
        }

        var audience = question.Audience;
        var paragraphs = new List<string>();
        foreach (var therapy in therapies)
        {
            paragraphs.Add($"{therapy.Name}: {Cited(therapy.Summary, audience)}");
            if (audience == Audience.Clinician && therapy.Regimen(null) is { } regimen)
            {
                paragraphs.Add($"{therapy.Name}, dosing: {Cited(regimen.Text, audience)}");
            }

            if (therapy.Onset is { } onset)
            {
                paragraphs.Add($"{therapy.Name}, onset: {Cited(onset, audience)}");
            }

            paragraphs.AddRange(therapy.ResponseRates.Take(2).Select(r => $"{therapy.Name}, response: {Cited(r.Text, audience, $" ({r.Population})")}"));
            paragraphs.AddRange(therapy.AdverseEffects.Take(2).Select(t => $"{therapy.Name}, cautions: {Cited(t, audience)}"));
        }

        return Build($"{therapies[0].Name} vs {therapies[1].Name}", paragraphs);
    }

    private ClinicalAnswer? Definition(ClinicalQuestion question)
    {
        var term = question.Term?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return null;
        }

        var definition = knowledge.Definitions.FirstOrDefault(d => d.Terms.Any(t => string.Equals(t, term, StringComparison.OrdinalIgnoreCase)))
            ?? knowledge.Definitions.FirstOrDefault(d => d.Terms.Any(t => t.Contains(term, StringComparison.OrdinalIgnoreCase)));
        if (definition is null)
        {
            return null;
        }

        var paragraphs = new List<string> { Cited(definition.Text, question.Audience) };

        // Where the seed article and the primary guidelines differ on this term, say so and follow the guideline.
        foreach (var disagreement in knowledge.Disagreements.Where(d => Concerns(d, definition)))
        {
            paragraphs.Add($"{disagreement.Topic}: {Cited(disagreement.Guideline, question.Audience)}");
            paragraphs.Add($"By contrast, the founding article: {Cited(disagreement.Seed, question.Audience)}");
        }

        return Build(definition.Terms[0], paragraphs);
    }

    private static bool Concerns(Disagreement disagreement, Definition definition) =>
        disagreement.Id.Contains(definition.Id, StringComparison.OrdinalIgnoreCase)
        || definition.Terms.Any(t => disagreement.Topic.Contains(t, StringComparison.OrdinalIgnoreCase) && t.Length > 3);

    private static List<string> Dosing(Therapy therapy, double? weightKg, Audience audience)
    {
        var paragraphs = new List<string>();
        foreach (var regimen in therapy.Dosing)
        {
            var text = Cited(regimen.Text, audience);
            if (weightKg is { } kg && regimen.WeightBased is { } perKg)
            {
                // The template is the whole sentence ("For {weight} kg: ... ."), as in the assessment.
                text += " " + perKg.Render(kg);
            }

            paragraphs.Add(text);
        }

        return paragraphs;
    }

    private static List<string> Overview(Therapy therapy, double? weightKg, Audience audience)
    {
        var paragraphs = new List<string> { Cited(therapy.Summary, audience) };
        if (audience == Audience.Clinician)
        {
            paragraphs.AddRange(Dosing(therapy, weightKg, audience).Take(1));
        }

        if (therapy.Onset is { } onset)
        {
            paragraphs.Add(Cited(onset, audience));
        }

        paragraphs.AddRange(therapy.ResponseRates.Take(2).Select(r => Cited(r.Text, audience, $" ({r.Population})")));
        paragraphs.AddRange(therapy.AdverseEffects.Take(2).Select(t => Cited(t, audience)));
        paragraphs.Add(Cited(therapy.Pregnancy.Text, audience));
        return paragraphs;
    }

    private static string Title(QuestionKind kind) => kind switch
    {
        QuestionKind.Dose => "dosing",
        QuestionKind.ResponseRate => "response rates",
        QuestionKind.SideEffects => "side effects",
        QuestionKind.Onset => "onset",
        QuestionKind.Monitoring => "monitoring",
        QuestionKind.PregnancySafety => "pregnancy",
        _ => "overview",
    };

    /// <summary>A content sentence with its sources inline, as "[id]" markers.</summary>
    private static string Cited(CitedText text, Audience audience, string suffix = "") =>
        text.For(audience) + suffix + string.Concat(text.Citations.Select(c => $" [{c}]"));

    private ClinicalAnswer Build(string title, IReadOnlyList<string> paragraphs)
    {
        var cited = paragraphs
            .SelectMany(p => knowledge.References.Keys.Where(id => p.Contains($"[{id}]", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new ClinicalAnswer(title, paragraphs, cited, [.. cited.Select(id => knowledge.References[id])]);
    }
}
