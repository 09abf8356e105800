using System.Text;
using System.Text.RegularExpressions;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Renders a <see cref="ClinicalAnswer"/> as one Markdown message: bold title, paragraphs, numbered citations
/// and the references list. A reference id written in brackets inside a paragraph ("[ash-2019]") becomes its
/// number there. With per-paragraph citations each paragraph cites its own; otherwise answer-level citations not
/// cited inline are attached to the last paragraph.
/// </summary>
public sealed partial class AnswerReply
{
    private readonly ReplyTexts texts;

    public AnswerReply() : this(ReplyTexts.Default)
    {
    }

    internal AnswerReply(ReplyTexts texts) => this.texts = texts;

    public IMessageActivity Render(ClinicalAnswer answer, Audience audience = Audience.Clinician) =>
        MarkdownMessage.Create(Markdown(answer, audience));

    /// <summary>The answer for <paramref name="to"/>: a caregiver hears of the patient's haematologist, not "your".</summary>
    public IMessageActivity Render(ClinicalAnswer answer, Conversation.Addressee to) =>
        MarkdownMessage.Create(Markdown(answer, to));

    public string Markdown(ClinicalAnswer answer, Audience audience = Audience.Clinician) => Markdown(answer, new Conversation.Addressee(audience));

    public string Markdown(ClinicalAnswer answer, Conversation.Addressee to)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(to);
        var audience = to.Audience;
        var filter = new AudienceFilter(audience, to);
        var cites = new CitationNumbers(answer.References);
        var blocks = new List<string> { $"**{MarkdownText.Escape(answer.Title)}**" };
        if (answer.ParagraphCitations.Count == answer.Paragraphs.Count)
        {
            // Each paragraph cites what it rests on; a paragraph the audience does not see cites nothing.
            for (var i = 0; i < answer.Paragraphs.Count; i++)
            {
                var paragraph = filter.Text(answer.Paragraphs[i]);
                if (paragraph is null) continue;
                blocks.Add(WithNumberedCitations(paragraph, cites) + cites.Cite(answer.ParagraphCitations[i]));
            }
        }
        else
        {
            blocks.AddRange(filter.Texts(answer.Paragraphs).Select(paragraph => WithNumberedCitations(paragraph, cites)));
            blocks[^1] += cites.Cite(answer.Citations.Where(id => !cites.IsNumbered(id)));
        }
        if (filter.IsPatient) blocks.Add($"\U0001F4AC **{MarkdownText.Escape(texts.HaematologistPointerFor(to))}**");
        if (cites.Used.Count > 0)
        {
            var label = texts.Labels.For(audience).References;
            blocks.Add($"**{MarkdownText.Escape(label)}:**{MarkdownBlocks.Separator}{cites.ReferenceList()}");
        }
        return MarkdownBlocks.Join(blocks);
    }

    private static string WithNumberedCitations(string paragraph, CitationNumbers cites)
    {
        var written = new StringBuilder();
        var position = 0;
        foreach (Match mark in BracketedId().Matches(paragraph))
        {
            var id = mark.Groups["id"].Value.Trim();
            if (!cites.IsKnown(id)) continue;
            var before = MarkdownText.EscapeInline(paragraph[position..mark.Index].TrimEnd());
            var number = cites.Cite([id]);
            // Adjacent marks read "[1][2]", as elsewhere.
            written.Append(before).Append(before.Length == 0 && written.Length > 0 ? number.TrimStart() : number);
            position = mark.Index + mark.Length;
        }
        written.Append(MarkdownText.EscapeInline(paragraph[position..]));
        return MarkdownText.EscapeBlockStart(written.ToString().Trim());
    }

    [GeneratedRegex(@"\[(?<id>[^\[\]\r\n]{1,100})\]")]
    private static partial Regex BracketedId();
}
