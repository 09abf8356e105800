using System.Globalization;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Conversation;

/// <summary>"Why not X?" answered from this case's own assessment: its reason to avoid X, or where X stands and why.</summary>
public sealed class WhyNotReply(ITherapyLexicon lexicon, ConversationTexts texts)
{
    private readonly IReadOnlyDictionary<string, string> _names =
        lexicon.Therapies.ToDictionary(t => t.TherapyId, t => t.Name, StringComparer.Ordinal);

    public IMessageActivity Render(string therapy, Assessment assessment, Audience audience) => Render(therapy, assessment, new Addressee(audience));

    /// <param name="to">A caregiver hears of the patient's haematologist, not "your".</param>
    public IMessageActivity Render(string therapy, Assessment assessment, Addressee to)
    {
        ArgumentNullException.ThrowIfNull(to);
        var audience = to.Audience;
        var messages = texts.Messages;
        var name = MarkdownText.Escape(_names.TryGetValue(therapy, out var known) ? known : therapy);
        var citations = new CitationNumbers(assessment.References);

        if (assessment.Avoid.FirstOrDefault(a => a.Therapy == therapy) is { } avoided)
        {
            return Markdown(
                string.Format(CultureInfo.InvariantCulture, messages.WhyNotAvoided.For(audience), name),
                [MarkdownText.Escape(avoided.Reason) + citations.Cite(avoided.Citations)],
                citations,
                audience);
        }

        if (assessment.Options.FirstOrDefault(o => o.Therapy == therapy) is { } option)
        {
            return Markdown(
                string.Format(CultureInfo.InvariantCulture, texts.Say(messages.WhyNotRanked, to), name, option.Rank),
                [.. option.Rationale.Select(r => MarkdownText.Escape(RationaleText.WithoutRuleName(r))), MarkdownText.Escape(option.Summary) + citations.Cite(option.Citations)],
                citations,
                audience);
        }

        return MessageFactory.Text(string.Format(CultureInfo.InvariantCulture, texts.Say(messages.WhyNotAbsent, to), name));
    }

    // The list is labelled as in every other reply, so "[1]" visibly points at a reference.
    private static IMessageActivity Markdown(string heading, IReadOnlyList<string> points, CitationNumbers citations, Audience audience)
    {
        var body = $"**{heading}**\n\n{string.Join("\n", points.Select(p => "- " + p))}";
        var references = citations.ReferenceList();
        var label = MarkdownText.Escape(ReplyTexts.Default.Labels.For(audience).References);
        return MessageFactory.Text(string.IsNullOrEmpty(references) ? body : $"{body}\n\n**{label}:**\n\n{references}");
    }
}
