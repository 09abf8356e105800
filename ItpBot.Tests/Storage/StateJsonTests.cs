using ItpBot.Storage;
using ItpBot.Tests.Dialogs.Conversation;
using Xunit.Abstractions;

namespace ItpBot.Tests.Storage;

public sealed class StateJsonTests(ITestOutputHelper output)
{
    [Fact]
    public async Task State_is_written_without_type_names()
    {
        // A real conversation's state mid-intake: the case, the dialog stack with a prompt, nested dictionaries, lists, arrays.
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy");
        await bot.SendAsync("none");
        var state = (await bot.Storage.ReadAsync([bot.ConversationStateKey]))[bot.ConversationStateKey];

        var written = StateJson.Write(state);

        Assert.DoesNotContain("$type", written, StringComparison.Ordinal);
        Assert.DoesNotContain("ItpBot.", written, StringComparison.Ordinal);
        Assert.Contains("\"intake\":{", written, StringComparison.Ordinal);
    }
}
