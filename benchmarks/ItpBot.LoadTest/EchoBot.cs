using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.LoadTest;

/// <summary>
/// The SDK floor: the EchoBot sample with conversation and user state saved every turn, as in issue 7's measurement.
/// </summary>
public sealed class EchoBot(ConversationState conversationState, UserState userState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<int> _turns = conversationState.CreateProperty<int>("turns");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        await _turns.SetAsync(turnContext, await _turns.GetAsync(turnContext, () => 0, cancellationToken) + 1, cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text($"Echo: {turnContext.Activity.Text}"), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text("Hello and welcome!"), cancellationToken);
        }
    }
}
