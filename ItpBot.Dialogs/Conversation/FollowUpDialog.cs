using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// After the assessment: stays with the case for follow-up questions, which the interruptions answer. A message
/// they do not take gets a pointer to what can be asked.
/// </summary>
public sealed class FollowUpDialog : ComponentDialog
{
    private const string LoopId = "followUpLoop";
    private const string WaitId = "followUpWait";

    private readonly ConversationAccessors _accessors;
    private readonly ConversationTexts _texts;

    public FollowUpDialog(ConversationAccessors accessors, ConversationTexts texts)
        : base(nameof(FollowUpDialog))
    {
        _accessors = accessors;
        _texts = texts;
        AddDialog(new WaterfallDialog(LoopId, [WaitAsync, NotUnderstoodAsync]));
        AddDialog(new TextPrompt(WaitId));
        InitialDialogId = LoopId;
    }

    // The assessment's own suggested actions are the prompt: nothing more is said until the user writes.
    private static Task<DialogTurnResult> WaitAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync(WaitId, new PromptOptions(), cancellationToken);

    private async Task<DialogTurnResult> NotUnderstoodAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var audience = (await _accessors.GetSettingsAsync(step.Context, cancellationToken)).Audience;
        var messages = _texts.Messages;
        await step.Context.SendActivityAsync(
            MessageFactory.Text($"{messages.NotUnderstood.For(audience)} {messages.FollowUp.For(audience)}"),
            cancellationToken);
        return await step.ReplaceDialogAsync(LoopId, cancellationToken: cancellationToken);
    }
}
