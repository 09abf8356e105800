using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// The emergency answer. Its first line cannot be missed: for a patient, call emergency services or go to
/// hospital now; for a clinician, the combined emergency treatment. Then the options, alerts and citations.
/// </summary>
public sealed class EmergencyReply
{
    private readonly ReplyTexts texts;
    private readonly AssessmentMessages messages;

    public EmergencyReply(ITherapyLexicon? lexicon = null)
        : this(ReplyTexts.Default, new TherapyDisplayNames(lexicon))
    {
    }

    internal EmergencyReply(ReplyTexts texts, TherapyDisplayNames names)
    {
        this.texts = texts;
        messages = new AssessmentMessages(texts, names);
    }

    /// <exception cref="ArgumentException">The assessment's urgency is not <see cref="Urgency.Emergency"/>.</exception>
    public IReadOnlyList<IMessageActivity> Render(Assessment assessment, Conversation.Addressee to) =>
        messages.Create(RequireEmergency(assessment), to);

    public string Markdown(Assessment assessment, Audience audience) =>
        messages.Markdown(RequireEmergency(assessment), audience);

    /// <summary>
    /// What to say the moment emergency wording is recognised, before any assessment exists. No treatment and
    /// no number: those only come with an assessment.
    /// </summary>
    public IMessageActivity Immediate(Audience audience) =>
        MarkdownMessage.Create($"\U0001F6A8 **{MarkdownText.Escape(texts.EmergencyNow.For(audience))}**");

    /// <summary>
    /// The audience an emergency is answered in. A patient or caregiver writing ("my mum", "I'm a patient") gets the
    /// patient's words, whatever was set before: call emergency services first, never a prescriber protocol.
    /// </summary>
    public static Audience AudienceFor(Audience stored, Speaker speaker) =>
        speaker is Speaker.Patient or Speaker.Caregiver ? Audience.Patient : stored;

    /// <summary>The emergency answer for whoever is typing (see <see cref="AudienceFor"/>).</summary>
    public IReadOnlyList<IMessageActivity> Render(Assessment assessment, Audience stored, Speaker speaker) =>
        Render(assessment, AudienceFor(stored, speaker));

    /// <summary>
    /// The immediate answer for whoever is typing. When nothing in the conversation says who that is, a patient or
    /// caregiver may be reading: "call emergency services" comes first, then the clinician's line.
    /// </summary>
    public IMessageActivity Immediate(Audience stored, Speaker speaker)
    {
        var audience = AudienceFor(stored, speaker);
        if (audience == Audience.Patient || speaker != Speaker.Unknown)
        {
            return Immediate(audience);
        }

        return MarkdownMessage.Create(
            $"\U0001F6A8 **{MarkdownText.Escape(texts.EmergencyNow.For(Audience.Patient))}**\n\n{MarkdownText.Escape(texts.EmergencyNow.For(Audience.Clinician))}");
    }

    private static Assessment RequireEmergency(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.Urgency != Urgency.Emergency)
        {
            throw new ArgumentException("Only an emergency assessment has an emergency reply.", nameof(assessment));
        }
        return assessment;
    }
}
