using ItpBot.Channels.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ItpBot.Tests.Channels.Teams;

public sealed class SuggestedActionsSeparatorTests
{
    [Fact]
    public async Task On_Teams_buttons_move_off_a_message_with_a_card_onto_their_own_message()
    {
        var reply = CardWithButtons("Assessment ready.");

        var sent = await SendThroughTeamsPipelineAsync("msteams", reply);

        Assert.Equal(2, sent.Count);
        Assert.Equal("Assessment ready.", sent[0].Text);
        Assert.Single(sent[0].Attachments);
        Assert.Null(sent[0].SuggestedActions);
        Assert.True(sent[1].Attachments is null or { Count: 0 });
        Assert.Equal(["Start over", "Dosing"], sent[1].SuggestedActions.Actions.Select(a => a.Title));
        Assert.False(string.IsNullOrWhiteSpace(sent[1].Text));
        Assert.All(sent, part => Assert.Equal(sent[0].Conversation.Id, part.Conversation.Id));
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public async Task Other_channels_keep_buttons_and_card_together(string channel)
    {
        var sent = await SendThroughTeamsPipelineAsync(channel, CardWithButtons("Assessment ready."));

        var only = Assert.Single(sent);
        Assert.Single(only.Attachments);
        Assert.Equal(2, only.SuggestedActions.Actions.Count);
    }

    [Fact]
    public async Task A_huge_answer_with_a_card_and_buttons_reaches_Teams_in_order_and_every_part_fits()
    {
        var text = string.Concat(Enumerable.Range(1, 3_000).Select(i => $"- {i}: fostamatinib 100 mg twice daily\n"));

        var sent = await SendThroughTeamsPipelineAsync("msteams", CardWithButtons(text));

        Assert.Equal(text, string.Concat(sent.Where(p => p.SuggestedActions is null).Select(p => p.Text)));
        Assert.All(sent, part => Assert.True(MessageSizeGuardMiddleware.SizeOf(part) <= MessageSizeGuardMiddleware.MaxMessageBytes));
        Assert.All(sent, part => Assert.False(part.Attachments is { Count: > 0 } && part.SuggestedActions is not null, "buttons share a message with a card"));
        Assert.Single(sent, part => part.Attachments is { Count: > 0 });
        Assert.NotNull(sent[^1].SuggestedActions);
        Assert.NotEmpty(sent[^2].Attachments);
    }

    /// <summary>Sends through the middleware exactly as AddTeamsChannel registers it, in its order.</summary>
    private static async Task<List<Activity>> SendThroughTeamsPipelineAsync(string channelId, Activity reply)
    {
        using var services = new ServiceCollection().AddLogging().AddTeamsChannel().BuildServiceProvider();
        return await OutgoingPipeline.SendAsync(channelId, reply, services.GetServices<Microsoft.Bot.Builder.IMiddleware>());
    }

    private static Activity CardWithButtons(string text)
    {
        var reply = MessageFactory.SuggestedActions(new[] { "Start over", "Dosing" }.AsEnumerable(), text, null, null);
        reply.Attachments = [new Attachment("application/vnd.microsoft.card.adaptive", content: new JObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" })];
        return (Activity)reply;
    }
}
