using ItpBot.Dialogs.Engine.Prompts;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;
using ItpBot.Knowledge.Reasoning;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Conversation;

/// <summary>What the conversation sends: the case back for confirmation, assessments, answers, and its own messages.</summary>
public sealed class ConversationReplies(
    ConversationAccessors accessors,
    ITreatmentAdvisor advisor,
    IClinicalQuestions questions,
    ConversationTexts texts,
    CaseSummaryText caseSummary,
    AssessmentReply assessmentReply,
    EmergencyReply emergencyReply,
    AnswerReply answerReply,
    WhyNotReply whyNotReply)
{
    private MessageTexts Messages => texts.Messages;

    public static bool IsEmergency(PatientProfile profile) => profile.Bleeding is Bleeding.Critical or Bleeding.Severe;

    public PromptOptions ConfirmCase(PatientProfile profile, Audience audience)
    {
        var lines = caseSummary.Lines(profile).Select(line => "- " + line);
        var markdown = $"**{Messages.CaseHeading.For(audience)}**\n\n{string.Join("\n", lines)}\n\n{Messages.Confirm.For(audience)}";
        return new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(markdown, inputHint: InputHints.ExpectingInput),
            RetryPrompt = (Activity)MessageFactory.Text(Messages.Confirm.For(audience), inputHint: InputHints.ExpectingInput),
        };
    }

    public PromptOptions AskForCorrection(Addressee to) => new()
    {
        Prompt = (Activity)MessageFactory.Text(texts.Say(Messages.AskCorrection, to), inputHint: InputHints.ExpectingInput),
    };

    public async Task SendAssessmentAsync(ITurnContext turn, PatientProfile profile, CancellationToken cancellationToken)
    {
        var audience = (await accessors.GetSettingsAsync(turn, cancellationToken)).Audience;
        var assessment = advisor.Assess(profile with { Audience = audience });
        var activities = assessment.Urgency == Urgency.Emergency
            ? emergencyReply.Render(assessment, await AddresseeAsync(turn, cancellationToken))
            : assessmentReply.Render(assessment, await AddresseeAsync(turn, cancellationToken));
        await turn.SendActivitiesAsync([.. activities.Cast<IActivity>()], cancellationToken);
    }

    /// <summary>Sends the answer; false when the content has no answer to the question as read (nothing is sent).</summary>
    public async Task<bool> SendAnswerAsync(ITurnContext turn, MessageMeaning reading, PatientProfile profile, CancellationToken cancellationToken)
    {
        var audience = (await accessors.GetSettingsAsync(turn, cancellationToken)).Audience;
        if (reading.WhyNot is { } therapy)
        {
            var assessment = advisor.Assess(profile with { Audience = audience });
            await turn.SendActivityAsync(whyNotReply.Render(therapy, assessment, await AddresseeAsync(turn, cancellationToken)), cancellationToken);
            return true;
        }

        var question = reading.Question! with { WeightKg = profile.WeightKg, Audience = audience };
        if (questions.Answer(question) is not { } answer)
        {
            return false;
        }

        await turn.SendActivityAsync(answerReply.Render(answer, await AddresseeAsync(turn, cancellationToken)), cancellationToken);
        return true;
    }

    public IMessageActivity AudienceChanged(Audience audience) => AudienceChanged(new Addressee(audience));

    /// <summary>The new voice announced in its own words; a caregiver hears of the patient's haematologist, not "your".</summary>
    public IMessageActivity AudienceChanged(Addressee to)
    {
        ArgumentNullException.ThrowIfNull(to);
        return MessageFactory.Text(to.Audience == Audience.Patient
            ? texts.Say(Messages.AudiencePatient, to)
            : Messages.AudienceClinician.Clinician);
    }

    public Task<IMessageActivity> HelpAsync(ITurnContext turn, CancellationToken cancellationToken) => TextAsync(turn, Messages.Help, cancellationToken);

    public Task<IMessageActivity> CancelledAsync(ITurnContext turn, CancellationToken cancellationToken) => TextAsync(turn, Messages.Cancelled, cancellationToken);

    public Task<IMessageActivity> StartOverAsync(ITurnContext turn, CancellationToken cancellationToken) => TextAsync(turn, Messages.StartOver, cancellationToken);

    public Task<IMessageActivity> ForgottenAsync(ITurnContext turn, CancellationToken cancellationToken) => TextAsync(turn, Messages.Forgotten, cancellationToken);

    /// <summary>
    /// "Noted:" with the fields a message gave, each shown from the case as stored (<paramref name="stored"/>), not
    /// from the message's reading: what the user sees noted is what the plan and the assessment will use.
    /// </summary>
    public async Task<IMessageActivity> NotedAsync(ITurnContext turn, PatientProfile stored, IEnumerable<IntakeField> fields, CancellationToken cancellationToken)
    {
        var audience = (await accessors.GetSettingsAsync(turn, cancellationToken)).Audience;
        var lines = caseSummary.Lines(stored, fields).Select(line => "- " + line);
        return MessageFactory.Text($"{Messages.Noted.For(audience)}\n\n{string.Join("\n", lines)}");
    }

    private async Task<IMessageActivity> TextAsync(ITurnContext turn, Voiced text, CancellationToken cancellationToken) =>
        MessageFactory.Text(texts.Say(text, await AddresseeAsync(turn, cancellationToken)));

    /// <summary>Whom this turn's texts address: a caregiver gets the patient in the third person.</summary>
    public async Task<Addressee> AddresseeAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var settings = await accessors.GetSettingsAsync(turn, cancellationToken);
        var intake = await accessors.GetIntakeAsync(turn, cancellationToken);
        return Addressee.Of(settings, intake);
    }
}
