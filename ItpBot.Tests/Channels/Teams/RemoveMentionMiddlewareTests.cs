using ItpBot.Channels.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ItpBot.Tests.Channels.Teams;

public sealed class RemoveMentionMiddlewareTests
{
    private const string BotId = "28:bot-app-id";

    [Theory]
    [InlineData("<at>ItpBot</at> new patient", "new patient")]
    [InlineData("<at>ItpBot</at>&nbsp;dosing eltrombopag", "dosing eltrombopag")]
    [InlineData("compare romiplostim and eltrombopag <at>ItpBot</at>", "compare romiplostim and eltrombopag")]
    [InlineData("<at>ItpBot</at>", "")]
    [InlineData("<AT>ItpBot</AT>   help  ", "help")]
    [InlineData("<at>ItpBot</at> platelets 12\nbleeding: none", "platelets 12\nbleeding: none")]
    public void The_bots_mention_is_removed_from_group_and_team_messages(string text, string expected)
    {
        var activity = TeamsMessage(text, "groupChat", Mention(BotId, "ItpBot", "<at>ItpBot</at>"));

        Assert.Equal(expected, RemoveMentionMiddleware.WithoutRecipientMention(activity));
    }

    [Fact]
    public void Mentions_of_other_people_stay()
    {
        var activity = TeamsMessage(
            "<at>ItpBot</at> case from <at>Dr Rivera</at>: platelets 8",
            "channel",
            Mention(BotId, "ItpBot", "<at>ItpBot</at>"),
            Mention("29:colleague", "Dr Rivera", "<at>Dr Rivera</at>"));

        Assert.Equal("case from <at>Dr Rivera</at>: platelets 8", RemoveMentionMiddleware.WithoutRecipientMention(activity));
    }

    [Fact]
    public void A_display_name_with_pattern_characters_is_removed_literally()
    {
        var activity = TeamsMessage("<at>ItpBot (test)+</at> help", "channel", Mention(BotId, "ItpBot (test)+", "<at>ItpBot (test)+</at>"));

        Assert.Equal("help", RemoveMentionMiddleware.WithoutRecipientMention(activity));
    }

    [Fact]
    public void Without_a_mention_of_the_bot_the_text_is_untouched()
    {
        var activity = TeamsMessage("  platelets   12  ", "personal", Mention("29:someone-else", "Sam", "<at>Sam</at>"));

        Assert.Equal("  platelets   12  ", RemoveMentionMiddleware.WithoutRecipientMention(activity));
    }

    [Fact]
    public void A_mention_entity_without_text_falls_back_to_the_bots_name()
    {
        var activity = TeamsMessage("<at>ItpBot</at> forget me", "groupChat", Mention(BotId, "ItpBot", text: null));

        Assert.Equal("forget me", RemoveMentionMiddleware.WithoutRecipientMention(activity));
    }

    internal static Activity TeamsMessage(string text, string conversationType, params Entity[] mentions) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Text = text,
        Recipient = new ChannelAccount(BotId, "ItpBot"),
        From = new ChannelAccount("29:user", "Alex"),
        Conversation = new ConversationAccount(conversationType: conversationType, id: "19:conversation"),
        Entities = [.. mentions],
    };

    internal static Entity Mention(string id, string name, string? text)
    {
        var json = new JObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JObject { ["id"] = id, ["name"] = name },
        };
        if (text is not null)
        {
            json["text"] = text;
        }

        return json.ToObject<Entity>()!;
    }
}
