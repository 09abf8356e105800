using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ItpBot.Tests.Channels;

/// <summary>
/// A stand-in bot that sends what the real one will (typing, Markdown, suggested actions, an Adaptive Card summary), so the
/// browser test can check that Web Chat renders each of them whatever the real dialogs say today.
/// </summary>
public sealed class WebChatShowcaseBot : ActivityHandler
{
    public const string CardAction = "Show the summary";

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(
                MessageFactory.Text("Hello, I am **ItpBot**. Disclaimer: I support, and do not replace, clinical judgement."),
                cancellationToken);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken);
        if (turnContext.Activity.Text == CardAction)
        {
            var card = new Attachment
            {
                ContentType = "application/vnd.microsoft.card.adaptive",
                Content = JObject.FromObject(new
                {
                    type = "AdaptiveCard",
                    version = "1.5",
                    body = new object[]
                    {
                        new { type = "TextBlock", text = "Assessment summary", weight = "Bolder", size = "Medium" },
                        new { type = "FactSet", facts = new[] { new { title = "First choice", value = "Thrombopoietin receptor agonist" } } },
                    },
                }),
            };
            await turnContext.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken);
            return;
        }

        var reply = MessageFactory.SuggestedActions(new[] { CardAction, "Start over" }, "Platelet count noted. **Bleeding:** none.\n\n- first point\n- second point", ssml: null, inputHint: null);
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }
}
