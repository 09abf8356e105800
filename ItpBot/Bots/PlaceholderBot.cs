using ItpBot.Channels.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Bots;

/// <summary>Welcomes new members with who ItpBot is and the disclaimer; answers messages with a placeholder.</summary>
public sealed class PlaceholderBot(ConversationState conversationState, UserState userState) : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    private const string Welcome =
        "Hello, I am ItpBot: decision support for adults with refractory or chronic immune thrombocytopenia. " +
        "Disclaimer: I support, and do not replace, clinical judgement.";

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var _ in WelcomeOnInstall.MembersToWelcome(turnContext.Activity))
        {
            await turnContext.SendActivityAsync(Welcome, cancellationToken: cancellationToken);
        }
    }

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (WelcomeOnInstall.IsNewInstall(turnContext.Activity))
        {
            await turnContext.SendActivityAsync(Welcome, cancellationToken: cancellationToken);
        }
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync("ItpBot is being built: the assessment dialog is not ready yet.", cancellationToken: cancellationToken);
}
