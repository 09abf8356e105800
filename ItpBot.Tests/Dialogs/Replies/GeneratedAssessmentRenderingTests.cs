using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Replies;

/// <summary>
/// Properties of every reply over hundreds of generated assessments, for both audiences: the opening's length and
/// order, citations per claim in the opening and in every detail, numbers only from the content.
/// </summary>
public class GeneratedAssessmentRenderingTests
{
    private const int Count = 300;
    private static readonly TherapyDisplayNames Names = new(AssessmentFixtures.Lexicon());
    private readonly AssessmentReply reply = new(AssessmentFixtures.Lexicon());

    private static IEnumerable<(GeneratedAssessments Source, Assessment Assessment, Audience Audience)> Cases()
    {
        var source = new GeneratedAssessments(seed: 11);
        for (var i = 0; i < Count; i++)
        {
            var assessment = source.Next();
            yield return (source, assessment, Audience.Clinician);
            yield return (source, assessment, Audience.Patient);
        }
    }

    private static string Opening(string markdown, Audience audience)
    {
        var label = $"**{ReplyTexts.Default.Labels.For(audience).References}:**";
        var at = markdown.LastIndexOf(label, StringComparison.Ordinal);
        return at < 0 ? markdown : markdown[..at];
    }

    [Fact]
    public void The_opening_is_at_most_250_words_as_a_reader_counts_them()
    {
        var longest = 0;
        foreach (var (_, assessment, audience) in Cases())
        {
            var words = ReaderWords.Count(Opening(reply.Markdown(assessment, audience), audience));
            Assert.True(words <= 250, $"{words} words:\n{reply.Markdown(assessment, audience)}");
            longest = Math.Max(longest, words);
        }
        Assert.True(longest > 150, $"the generated cases never test the limit (longest {longest})");
    }

    [Fact]
    public void Every_citation_in_the_opening_and_in_every_detail_supports_the_text_it_follows()
    {
        var checkedMarks = 0;
        foreach (var (source, assessment, audience) in Cases())
        {
            var label = ReplyTexts.Default.Labels.For(audience).References;
            var replies = Enum.GetValues<AssessmentTopic>().Where(t => t != AssessmentTopic.References)
                .Select(topic => (Name: topic.ToString(), Markdown: reply.DetailsMarkdown(assessment, topic, audience)))
                .Prepend(("opening", reply.Markdown(assessment, audience)));
            foreach (var (name, markdown) in replies)
            {
                var problems = CitationCheck.Problems(markdown, assessment, source, Names, label);
                Assert.True(problems.Count == 0, $"{name} ({audience}): {string.Join("\n", problems)}\n\n{markdown}");
                checkedMarks += ReplyInspection.CitationOrder(markdown).Count;
            }
        }
        Assert.True(checkedMarks > 1000, $"only {checkedMarks} citations checked");
    }

    [Fact]
    public void The_references_detail_keeps_the_opening_numbers_and_lists_every_source()
    {
        foreach (var (_, assessment, audience) in Cases().Take(100))
        {
            var label = ReplyTexts.Default.Labels.For(audience).References;
            var opening = reply.Markdown(assessment, audience);
            var all = reply.DetailsMarkdown(assessment, AssessmentTopic.References, audience);

            var cited = opening.Contains($"**{label}:**", StringComparison.Ordinal) ? ReplyInspection.ReferenceItems(opening, label) : [];
            var listed = System.Text.RegularExpressions.Regex.Matches(all, @"^\d+\. (.*)$", System.Text.RegularExpressions.RegexOptions.Multiline)
                .Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(cited, listed.Take(cited.Count));
            Assert.Equal(assessment.References.Count, listed.Count);
        }
    }

    [Fact]
    public void Safety_critical_alerts_the_answer_to_the_question_and_the_bottom_line_are_always_in_the_opening()
    {
        foreach (var (_, assessment, audience) in Cases())
        {
            var opening = reply.Markdown(assessment, audience);
            var shown = new List<string?> { assessment.BottomLine };
            shown.AddRange(AssessmentParts.LeadAlerts(assessment).Select(alert => alert.Text));
            shown.Add(AssessmentParts.Question(assessment)?.Answer);
            foreach (var text in shown.OfType<string>().Select(t => PatientText(t, audience)).OfType<string>().Select(t => FirstSentence.Of(t) ?? t))
            {
                // An answer followed by its reason loses its full stop to the colon between them.
                Assert.True(opening.Contains(MarkdownText.Escape(text.TrimEnd('.')), StringComparison.Ordinal), $"missing: {text}\n\n{opening}");
            }
        }
    }

    [Fact]
    public void The_opening_reads_bottom_line_then_answer_then_today_then_first_choice()
    {
        foreach (var (_, assessment, audience) in Cases())
        {
            if (assessment.Urgency == Urgency.Emergency || PatientText(assessment.BottomLine ?? "", audience) is not { Length: > 0 }) continue;
            var opening = reply.Markdown(assessment, audience);
            var plan = ReplyTexts.Default.Plan.For(audience);
            var labels = ReplyTexts.Default.Labels.For(audience);
            var positions = new[] { $"**{plan.BottomLine}:**", $"**{plan.Question}:**", $"**{plan.Today}:**", $"**{labels.FirstChoice}: " }
                .Select(part => opening.IndexOf(part, StringComparison.Ordinal)).Where(p => p >= 0).ToList();
            Assert.Equal(0, positions[0]);
            Assert.Equal(positions.Order(), positions);
        }
    }

    [Fact]
    public void No_number_reaches_the_reader_unless_the_content_holds_it()
    {
        foreach (var (_, assessment, audience) in Cases().Take(200))
        {
            var messages = reply.Render(assessment, audience)
                .Concat(Enum.GetValues<AssessmentTopic>().SelectMany(topic => reply.Details(assessment, topic, audience)));
            foreach (var message in messages)
            {
                Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers(message.Text ?? "", assessment));
                foreach (var action in message.SuggestedActions?.Actions ?? [])
                    Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers($"{action.Title} {action.Value}", assessment));
                foreach (var card in message.Attachments ?? [])
                    Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers(ReplyInspection.CardText(ReplyInspection.SerializedCard(message)), assessment));
            }
        }
    }

    [Fact]
    public void Patients_read_no_dose_in_the_opening_or_the_card_but_get_one_when_they_ask()
    {
        foreach (var (_, assessment, audience) in Cases().Where(c => c.Audience == Audience.Patient))
        {
            var messages = reply.Render(assessment, audience);
            var text = string.Join("\n", messages.Select(m => m.Text)) + ReplyInspection.CardText(ReplyInspection.SerializedCard(messages[0]));
            Assert.False(PatientLanguage.StatesDose(text), text);
            if (assessment.Options.FirstOrDefault(o => o.Dosing is not null && PatientLanguage.StatesDose(o.Dosing)) is { } dosed)
            {
                Assert.Contains(MarkdownText.Escape(dosed.Dosing), reply.DetailsMarkdown(assessment, AssessmentTopic.Dosing, audience));
            }
        }
    }

    private static string? PatientText(string text, Audience audience) =>
        audience == Audience.Patient ? PatientLanguage.WithoutDoses(text) : text;
}
