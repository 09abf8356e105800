using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Engine.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace ItpBot.Tests.Dialogs.Engine;

public class DialogExtensionsTests
{
    [Fact]
    public async Task RunAsync_starts_the_dialog_continues_it_and_starts_it_again_once_it_has_ended()
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var accessor = conversationState.CreateProperty<DialogState>(nameof(DialogState));
        var dialog = TestDialogs.PromptHost(new TextPrompt("text"), TestDialogs.Ask("Name the drug?"));
        var results = new List<DialogTurnResult>();
        var adapter = new TestAdapter().Use(new AutoSaveStateMiddleware(conversationState));

        await new TestFlow(adapter, async (turnContext, ct) => results.Add(await dialog.RunAsync(turnContext, accessor, ct)))
            .Send("hi").AssertReply("Name the drug?")
            .Send("eltrombopag")
            .Send("again").AssertReply("Name the drug?")
            .StartTestAsync();

        Assert.Equal(
            new[] { Dialog.EndOfTurn, new DialogTurnResult(DialogTurnStatus.Complete, "eltrombopag"), Dialog.EndOfTurn },
            results);
    }
}
