using ItpBot.Channels.Teams;
using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Bots;

/// <summary>
/// CoreBot's DialogAndWelcomeBot: adds the welcome (who ItpBot is, what it does, the disclaimer). Teams announces an
/// install twice; <see cref="WelcomeOnInstall"/> decides which announcement greets. A channel that never announces
/// the conversation still shows the welcome, with its disclaimer, before the first answer.
/// </summary>
public class DialogAndWelcomeBot<T>(ConversationAccessors accessors, T dialog) : DialogBot<T>(accessors, dialog)
    where T : Dialog
{
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (WelcomeOnInstall.MembersToWelcome(turnContext.Activity).Count > 0)
        {
            await WelcomeAsync(turnContext, askAudience: true, cancellationToken);
        }
    }

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (WelcomeOnInstall.IsNewInstall(turnContext.Activity))
        {
            await WelcomeAsync(turnContext, askAudience: true, cancellationToken);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var intake = await Accessors.GetIntakeAsync(turnContext, cancellationToken);
        if (!intake.Welcomed)
        {
            await WelcomeAsync(turnContext, askAudience: false, cancellationToken);
        }

        await base.OnMessageActivityAsync(turnContext, cancellationToken);
    }

    private async Task WelcomeAsync(ITurnContext turnContext, bool askAudience, CancellationToken cancellationToken)
    {
        var settings = await Accessors.GetSettingsAsync(turnContext, cancellationToken);
        var audience = settings.AudienceChosen || !askAudience ? settings.Audience : (Audience?)null;
        await turnContext.SendActivityAsync(WelcomeReply.Create(audience), cancellationToken);

        var intake = await Accessors.GetIntakeAsync(turnContext, cancellationToken);
        await Accessors.SetIntakeAsync(turnContext, intake with { Welcomed = true }, cancellationToken);
    }
}
