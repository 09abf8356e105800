using System.Text.RegularExpressions;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Checks that every number a reader sees came from the knowledge content: a number in rendered text that is
/// not in the input is a rendering bug (or an invented clinical number). Citation marks [n], list numbering and
/// link addresses are not read as numbers.
/// </summary>
public static partial class ReplyNumbersGuard
{
    /// <summary>Numbers in <paramref name="rendered"/> that appear in none of <paramref name="sources"/>, in order.</summary>
    public static IReadOnlyList<string> UnsourcedNumbers(string rendered, IEnumerable<string?> sources)
    {
        var allowed = sources.OfType<string>().SelectMany(NumbersIn).ToHashSet(StringComparer.Ordinal);
        // "0\.5" at the start of a block is "0.5" escaped for Markdown, not the numbers 0 and 5.
        var readable = MarkdownEscape().Replace(rendered, "$1");
        readable = LinkTarget().Replace(readable, "]");
        readable = CitationMark().Replace(readable, " ");
        readable = ListNumber().Replace(readable, string.Empty);
        return NumbersIn(readable).Where(number => !allowed.Contains(number)).Distinct().ToList();
    }

    public static IReadOnlyList<string> UnsourcedNumbers(string rendered, Assessment assessment) =>
        UnsourcedNumbers(rendered, Sources(assessment));

    public static IReadOnlyList<string> UnsourcedNumbers(string rendered, ClinicalAnswer answer) =>
        UnsourcedNumbers(rendered, Sources(answer));

    /// <summary>Every text of an assessment a reply may show, reference years included.</summary>
    public static IEnumerable<string?> Sources(Assessment assessment)
    {
        yield return assessment.BottomLine;
        foreach (var decision in assessment.Decisions)
        {
            yield return decision.Answer;
            foreach (var reason in decision.Reasons) yield return reason;
        }
        foreach (var step in assessment.Today)
        {
            yield return step.Action;
            foreach (var reason in step.Reasons) yield return reason;
        }
        foreach (var option in assessment.Options)
        {
            yield return option.Therapy;
            yield return option.Summary;
            yield return option.Dosing;
            yield return option.Onset;
            foreach (var text in option.Rationale.Concat(option.ResponseRates).Concat(option.Cautions)) yield return text;
            foreach (var text in option.OnStart.Concat(option.OnStop)) yield return text;
        }
        foreach (var interaction in assessment.Interactions)
        {
            yield return interaction.Text;
            foreach (var drug in interaction.Drugs) yield return drug;
        }
        // The user's own words for a drug ("vitamin B12") may hold a number; echoing them back invents nothing.
        foreach (var drug in assessment.UnrecognisedDrugs) yield return drug;
        foreach (var avoided in assessment.Avoid)
        {
            yield return avoided.Therapy;
            yield return avoided.Reason;
        }
        foreach (var alert in assessment.Alerts) yield return alert.Text;
        foreach (var text in References(assessment.References)) yield return text;
    }

    public static IEnumerable<string?> Sources(ClinicalAnswer answer) =>
        new[] { answer.Title }.Concat(answer.Paragraphs).Concat(References(answer.References));

    private static IEnumerable<string?> References(IEnumerable<Reference> references) =>
        references.SelectMany(reference => new[]
        {
            reference.Title, reference.Publisher, reference.Url,
            reference.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private static IEnumerable<string> NumbersIn(string text) =>
        Number().Matches(text).Select(match => match.Value);

    // "1.5", "1,000", "80": digits joined by a decimal or thousands separator form one number.
    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Number();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex CitationMark();

    [GeneratedRegex(@"\\(\p{P}|\p{S})")]
    private static partial Regex MarkdownEscape();

    [GeneratedRegex(@"^[ \t]*\d+\.[ \t]", RegexOptions.Multiline)]
    private static partial Regex ListNumber();

    [GeneratedRegex(@"\]\([^)\s]*\)")]
    private static partial Regex LinkTarget();
}
