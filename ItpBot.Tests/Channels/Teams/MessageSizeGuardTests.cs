using System.Text;
using ItpBot.Channels.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace ItpBot.Tests.Channels.Teams;

public sealed class MessageSizeGuardTests
{
    private readonly MessageSizeGuardMiddleware _guard = new(NullLogger<MessageSizeGuardMiddleware>.Instance);

    [Fact]
    public async Task A_long_Teams_reply_is_split_into_messages_under_the_limit_that_together_carry_all_of_it()
    {
        var text = LongMarkdown(lines: 4_000);
        Assert.True(Encoding.UTF8.GetByteCount(text) > 2 * MessageSizeGuardMiddleware.MaxMessageBytes);

        var sent = await SendThroughGuardAsync("msteams", MessageFactory.Text(text));

        Assert.True(sent.Count >= 3, $"expected several parts, got {sent.Count}");
        Assert.All(sent, part => Assert.InRange(MessageSizeGuardMiddleware.SizeOf(part), 1, MessageSizeGuardMiddleware.MaxMessageBytes));
        Assert.Equal(text, string.Concat(sent.Select(part => part.Text)));
        // Split at line breaks: every part but the last ends a line.
        Assert.All(sent.SkipLast(1), part => Assert.EndsWith("\n", part.Text));
    }

    [Fact]
    public async Task Attachments_and_suggested_actions_ride_on_the_last_part()
    {
        var reply = MessageFactory.SuggestedActions(new[] { "Start over", "Help" }.AsEnumerable(), LongMarkdown(lines: 2_000), null, null);
        reply.Attachments = [SmallCard()];

        var sent = await SendThroughGuardAsync("msteams", reply);

        Assert.True(sent.Count >= 2);
        Assert.All(sent.SkipLast(1), part => Assert.True(part.Attachments is null or { Count: 0 } && part.SuggestedActions is null));
        Assert.Single(sent[^1].Attachments);
        Assert.Equal(["Start over", "Help"], sent[^1].SuggestedActions.Actions.Select(a => a.Title));
        Assert.All(sent, part => Assert.True(MessageSizeGuardMiddleware.SizeOf(part) <= MessageSizeGuardMiddleware.MaxMessageBytes));
    }

    [Fact]
    public async Task An_attachment_too_large_to_send_is_replaced_by_a_visible_notice()
    {
        var reply = MessageFactory.Text("Summary follows.");
        reply.Attachments = [new Attachment("application/vnd.microsoft.card.adaptive", content: new JObject { ["body"] = new string('x', 120_000) })];

        var sent = await SendThroughGuardAsync("msteams", reply);

        Assert.Equal("Summary follows.", sent[0].Text);
        Assert.Equal(MessageSizeGuardMiddleware.OversizedAttachmentNotice, sent[^1].Text);
        Assert.All(sent, part => Assert.True(part.Attachments is null or { Count: 0 }));
        Assert.All(sent, part => Assert.True(MessageSizeGuardMiddleware.SizeOf(part) <= MessageSizeGuardMiddleware.MaxMessageBytes));
    }

    [Fact]
    public async Task A_message_whose_channel_data_alone_is_too_large_is_sent_as_it_is_rather_than_failing_the_turn()
    {
        var reply = MessageFactory.Text(LongMarkdown(lines: 10));
        reply.ChannelData = new JObject { ["padding"] = new string('x', MessageSizeGuardMiddleware.MaxMessageBytes) };

        var sent = await SendThroughGuardAsync("msteams", reply);

        Assert.Equal(reply.Text, Assert.Single(sent).Text);
    }

    [Theory]
    [InlineData("msteams", 500)]
    [InlineData("webchat", 4_000)]
    [InlineData("directline", 4_000)]
    public async Task Replies_that_fit_or_go_to_other_channels_pass_unchanged(string channel, int lines)
    {
        var text = LongMarkdown(lines);
        var fits = MessageSizeGuardMiddleware.SizeOf(MessageFactory.Text(text)) < MessageSizeGuardMiddleware.MaxMessageBytes - 5_000;
        Assert.True(channel != "msteams" || fits, "the msteams case must be a reply that fits");

        var sent = await SendThroughGuardAsync(channel, MessageFactory.Text(text));

        Assert.Equal(text, Assert.Single(sent).Text);
    }

    [Fact]
    public void A_single_line_longer_than_the_budget_is_cut_between_words_and_keeps_emoji_whole()
    {
        var line = string.Concat(Enumerable.Repeat("platelets 🩸 \"rising\" ", 50));

        var pieces = TextSplitter.Split(line, budgetBytes: 100);

        Assert.Equal(line, string.Concat(pieces));
        Assert.All(pieces, piece => Assert.InRange(TextSplitter.CostOf(piece), 1, 100));
        Assert.All(pieces.SkipLast(1), piece => Assert.EndsWith(" ", piece));
    }

    [Fact]
    public void A_word_longer_than_the_budget_is_cut_without_breaking_a_surrogate_pair()
    {
        var word = string.Concat(Enumerable.Repeat("🩸", 100));

        var pieces = TextSplitter.Split(word, budgetBytes: 30);

        Assert.Equal(word, string.Concat(pieces));
        Assert.All(pieces, piece => Assert.False(char.IsHighSurrogate(piece[^1]), "a piece ends in half an emoji"));
        Assert.All(pieces, piece => Assert.InRange(TextSplitter.CostOf(piece), 1, 30));
    }

    private Task<List<Activity>> SendThroughGuardAsync(string channelId, IActivity reply) =>
        OutgoingPipeline.SendAsync(channelId, reply, [_guard]);

    private static string LongMarkdown(int lines) =>
        string.Concat(Enumerable.Range(1, lines).Select(i => $"- Option {i}: romiplostim 1 µg/kg weekly, titrate to platelets ≥ 50 × 10⁹/L\n"));

    private static Attachment SmallCard() => new(
        "application/vnd.microsoft.card.adaptive",
        content: new JObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JArray() });
}
