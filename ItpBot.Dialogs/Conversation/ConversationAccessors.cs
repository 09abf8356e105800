using ItpBot.Dialogs.Engine;
using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Conversation;

/// <summary>Where each piece of state lives: the dialog stack and the case in conversation state, settings in user state.</summary>
public sealed class ConversationAccessors(ConversationState conversationState, UserState userState)
{
    public ConversationState ConversationState { get; } = conversationState;

    public UserState UserState { get; } = userState;

    public IStatePropertyAccessor<DialogState> DialogState { get; } = conversationState.CreateProperty<DialogState>("dialogState");

    public IStatePropertyAccessor<IntakeState> Intake { get; } = conversationState.CreateProperty<IntakeState>("intake");

    public IStatePropertyAccessor<UserSettings> Settings { get; } = userState.CreateProperty<UserSettings>("settings");

    public async Task<IntakeState> GetIntakeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var intake = await Intake.GetAsync(turnContext, () => new IntakeState(), cancellationToken).ConfigureAwait(false);
        if (intake.Version == IntakeState.CurrentVersion)
        {
            return intake;
        }

        // A case stored by an older build: start afresh rather than misread it.
        var fresh = new IntakeState { Welcomed = intake.Welcomed };
        await Intake.SetAsync(turnContext, fresh, cancellationToken).ConfigureAwait(false);
        return fresh;
    }

    public Task SetIntakeAsync(ITurnContext turnContext, IntakeState intake, CancellationToken cancellationToken) =>
        Intake.SetAsync(turnContext, intake, cancellationToken);

    public Task<UserSettings> GetSettingsAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Settings.GetAsync(turnContext, () => new UserSettings(), cancellationToken);

    public Task SetSettingsAsync(ITurnContext turnContext, UserSettings settings, CancellationToken cancellationToken) =>
        Settings.SetAsync(turnContext, settings, cancellationToken);
}
