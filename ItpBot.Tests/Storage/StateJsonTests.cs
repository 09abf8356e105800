using ItpBot.Storage;
using ItpBot.Tests.Dialogs.Conversation;
using Newtonsoft.Json;
using Xunit.Abstractions;

namespace ItpBot.Tests.Storage;

public sealed class StateJsonTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Type_names_are_written_exactly_as_the_default_simple_format_writes_them()
    {
        // A real conversation's state mid-intake: the case, the dialog stack with a prompt, nested dictionaries, lists, arrays.
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("52M, chronic ITP 3y, plt 12k, epistaxis, failed eltrombopag 75 mg and rituximab, no splenectomy");
        await bot.SendAsync("none");
        var state = (await bot.Storage.ReadAsync([bot.ConversationStateKey]))[bot.ConversationStateKey];

        var simple = JsonConvert.SerializeObject(state, typeof(object), new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto });
        var written = StateJson.Write(state);

        Assert.Contains("\"$type\":\"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib\"", written, StringComparison.Ordinal);
        Assert.Contains("ItpBot.Dialogs.Conversation.IntakeState, ItpBot.Dialogs", written, StringComparison.Ordinal);
        Assert.Equal(simple, written);
    }
}
