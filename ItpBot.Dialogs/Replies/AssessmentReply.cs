using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Renders an <see cref="Assessment"/> for a clinician or a patient: a short Markdown opening (bottom line, the
/// answer to the question, today's steps, the first choice and why) with an Adaptive Card summary in the same
/// order, then a message of suggested follow-up actions; the rest of the plan is given on request through
/// <see cref="Details"/>. An emergency assessment gets the emergency layout (see <see cref="EmergencyReply"/>), so
/// a caller never has to choose.
/// </summary>
public sealed class AssessmentReply
{
    private readonly AssessmentMessages messages;

    public AssessmentReply(ITherapyLexicon? lexicon = null)
        : this(ReplyTexts.Default, new TherapyDisplayNames(lexicon))
    {
    }

    internal AssessmentReply(ReplyTexts texts, TherapyDisplayNames names) => messages = new AssessmentMessages(texts, names);

    /// <summary>The activities to send, in order; the last one carries the suggested actions and no attachment.</summary>
    /// <param name="to">Clinician or plain words; a caregiver hears of the patient's haematologist, not "your".</param>
    public IReadOnlyList<IMessageActivity> Render(Assessment assessment, Conversation.Addressee to) =>
        messages.Create(assessment, to);

    /// <summary>The whole Markdown text, unsplit (for transcripts and tests).</summary>
    public string Markdown(Assessment assessment, Conversation.Addressee to) => messages.Markdown(assessment, to);

    /// <summary>The detail a reader asked for after the assessment, ending with the other follow-ups offered again.</summary>
    public IReadOnlyList<IMessageActivity> Details(Assessment assessment, AssessmentTopic topic, Conversation.Addressee to) =>
        messages.Details(assessment, topic, to);

    /// <summary>The detail's Markdown, unsplit (for transcripts and tests).</summary>
    public string DetailsMarkdown(Assessment assessment, AssessmentTopic topic, Conversation.Addressee to) =>
        messages.DetailsMarkdown(assessment, topic, to);
}
