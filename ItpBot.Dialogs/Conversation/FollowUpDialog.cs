using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Reasoning;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// After the assessment: stays with the case for follow-up questions. The interruptions answer clinical questions,
/// "why not" and new facts; this dialog gives the details the assessment's short opening left out (alternatives,
/// dosing, response, safety steps, interactions, what to avoid, decisions, references), from the case's own
/// assessment, when a suggested action is tapped or the request is typed. Anything else gets a pointer to what can
/// be asked.
/// </summary>
public sealed class FollowUpDialog : ComponentDialog
{
    private const string LoopId = "followUpLoop";
    private const string WaitId = "followUpWait";

    private readonly ConversationAccessors _accessors;
    private readonly ConversationTexts _texts;
    private readonly ITreatmentAdvisor _advisor;
    private readonly AssessmentReply _reply;
    private readonly FollowUpRequests _requests = new();

    public FollowUpDialog(ConversationAccessors accessors, ConversationTexts texts, ITreatmentAdvisor advisor, AssessmentReply reply)
        : base(nameof(FollowUpDialog))
    {
        _accessors = accessors;
        _texts = texts;
        _advisor = advisor;
        _reply = reply;
        AddDialog(new WaterfallDialog(LoopId, [WaitAsync, DetailsOrPointerAsync]));
        AddDialog(new TextPrompt(WaitId));
        InitialDialogId = LoopId;
    }

    // The assessment's own suggested actions are the prompt: nothing more is said until the user writes.
    private static Task<DialogTurnResult> WaitAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync(WaitId, new PromptOptions(), cancellationToken);

    private async Task<DialogTurnResult> DetailsOrPointerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var settings = await _accessors.GetSettingsAsync(step.Context, cancellationToken);
        var audience = settings.Audience;
        var intake = await _accessors.GetIntakeAsync(step.Context, cancellationToken);
        if (_requests.Read(step.Result as string) is { } topic)
        {
            // The same profile and audience as the assessment just shown, so the detail is that assessment's.
            var assessment = _advisor.Assess(intake.Profile with { Audience = audience });
            await step.Context.SendActivitiesAsync([.. _reply.Details(assessment, topic, Addressee.Of(settings, intake)).Cast<IActivity>()], cancellationToken);
        }
        else
        {
            // A caregiver is pointed to the patient's options, not "your".
            var messages = _texts.Messages;
            var to = Addressee.Of(settings, intake);
            await step.Context.SendActivityAsync(
                MessageFactory.Text($"{_texts.Say(messages.NotUnderstood, to)} {_texts.Say(messages.FollowUp, to)}"),
                cancellationToken);
        }
        return await step.ReplaceDialogAsync(LoopId, cancellationToken: cancellationToken);
    }
}
