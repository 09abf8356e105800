using ItpBot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Tests.Channels.Teams;

/// <summary>
/// Replays what a Teams client, the Playground's Web Chat mode and Web Chat over Direct Line really sent against the
/// real host, with a loopback connector as serviceUrl. Works with any reply wording: it checks where replies go.
/// </summary>
public sealed class RecordedActivityReplayTests : HostAndConnectorTest
{
    [Fact]
    public void The_recordings_cover_every_channel_and_activity_type()
    {
        var recorded = RecordedActivities.Names.Select(name => RecordedActivities.Load(name, Sink.ServiceUrl)).ToList();

        Assert.Equal(["directline", "msteams", "webchat"], recorded.Select(a => a.ChannelId).Distinct().Order());
        Assert.Superset(
            new HashSet<string> { ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Message },
            recorded.Select(a => a.Type).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(RecordedActivities.All), MemberType = typeof(RecordedActivities))]
    public async Task Every_recording_is_accepted_and_answered_in_its_own_conversation(string name)
    {
        var activity = RecordedActivities.Load(name, Sink.ServiceUrl);

        var response = await Host.Client.PostActivityAsync(activity);

        Assert.True(response.IsSuccessStatusCode, $"{name} answered {(int)response.StatusCode}");
        // The POST returns after the turn, and the turn after its replies reached the connector: All is complete.
        var replies = Sink.All.ToList();
        var replyToId = ExpectedReplyToId(activity);
        Assert.All(replies, reply =>
        {
            Assert.Equal(activity.Conversation.Id, reply.ConversationId);
            Assert.Equal(activity.Conversation.Id, reply.Activity.Conversation.Id);
            Assert.Equal(replyToId, reply.ReplyToId);
            Assert.Equal(replyToId, reply.Activity.ReplyToId);
            Assert.Equal(activity.From.Id, reply.Activity.Recipient.Id);
            Assert.Equal(activity.Recipient.Id, reply.Activity.From.Id);
        });

        int? expectedWelcomes = activity switch
        {
            // A reply to a message may well repeat the disclaimer; only that a reply arrives is fixed.
            { Type: ActivityTypes.Message } => null,
            { Type: ActivityTypes.InstallationUpdate } => 1,
            // Teams also sends an installationUpdate for the same install, and that one carries the welcome.
            { Type: ActivityTypes.ConversationUpdate, ChannelId: "msteams" } => 0,
            { Type: ActivityTypes.ConversationUpdate } => 1,
            _ => throw new InvalidOperationException($"{name}: no expectation for {activity.Type}"),
        };
        if (expectedWelcomes is { } welcomes)
        {
            Assert.Equal(welcomes, replies.Count(IsWelcome));
        }
        else
        {
            Assert.Contains(replies, reply => reply.Activity.Type == ActivityTypes.Message);
        }
    }

    [Theory]
    [InlineData(ActivityTypes.InstallationUpdate, ActivityTypes.ConversationUpdate)]
    [InlineData(ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate)]
    public async Task A_Teams_install_is_welcomed_exactly_once_whichever_announcement_comes_first(string first, string second)
    {
        var installation = RecordedActivities.Load("msteams", ActivityTypes.InstallationUpdate, Sink.ServiceUrl);
        var announcements = new[] { first, second }.Select(type => RecordedActivities.Load("msteams", type, Sink.ServiceUrl));

        foreach (var announcement in announcements)
        {
            var response = await Host.Client.PostActivityAsync(announcement);
            Assert.True(response.IsSuccessStatusCode, $"{announcement.Type} answered {(int)response.StatusCode}");
        }

        var welcome = Assert.Single(Sink.All, IsWelcome);
        Assert.Equal(installation.Conversation.Id, welcome.ConversationId);
        Assert.Equal(installation.Id, welcome.ReplyToId);
        Assert.Equal(installation.From.Id, welcome.Activity.Recipient.Id);
    }

    [Fact]
    public async Task A_Teams_install_arriving_twice_at_once_is_still_welcomed_once()
    {
        var announcements = new[] { ActivityTypes.InstallationUpdate, ActivityTypes.ConversationUpdate }
            .Select(type => RecordedActivities.Load("msteams", type, Sink.ServiceUrl));

        var responses = await Task.WhenAll(announcements.Select(Host.Client.PostActivityAsync));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"answered {(int)r.StatusCode}"));
        Assert.Single(Sink.All, IsWelcome);
    }

    [Theory]
    [InlineData("add-upgrade")]
    [InlineData("remove")]
    [InlineData("remove-upgrade")]
    public async Task Upgrades_and_removals_are_not_welcomed(string action)
    {
        var installation = RecordedActivities.Load("msteams", ActivityTypes.InstallationUpdate, Sink.ServiceUrl);
        installation.Action = action;

        var response = await Host.Client.PostActivityAsync(installation);

        Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}");
        Assert.DoesNotContain(Sink.All, IsWelcome);
    }

    [Fact]
    public async Task After_a_Teams_install_a_message_gets_its_reply_and_no_second_welcome()
    {
        foreach (var type in new[] { ActivityTypes.InstallationUpdate, ActivityTypes.ConversationUpdate, ActivityTypes.Message })
        {
            var response = await Host.Client.PostActivityAsync(RecordedActivities.Load("msteams", type, Sink.ServiceUrl));
            Assert.True(response.IsSuccessStatusCode, $"{type} answered {(int)response.StatusCode}");
        }

        var message = RecordedActivities.Load("msteams", ActivityTypes.Message, Sink.ServiceUrl);
        Assert.Single(Sink.All, IsWelcome);
        Assert.Contains(Sink.All, reply => reply.ReplyToId == message.Id && reply.Activity.Type == ActivityTypes.Message);
    }

    /// <summary>
    /// Replies go to the activity they answer, except a Direct Line or Web Chat conversationUpdate: its id names nothing
    /// the client shows, so the SDK posts the welcome to the conversation instead of as a reply.
    /// </summary>
    private static string? ExpectedReplyToId(Activity activity) =>
        activity.Type == ActivityTypes.ConversationUpdate && activity.ChannelId is "directline" or "webchat" ? null : activity.Id;

    /// <summary>The welcome names ItpBot and carries the disclaimer, in its text or its card.</summary>
    private static bool IsWelcome(PostedActivity posted)
    {
        var text = posted.Activity.Text + " " +
            string.Join(" ", posted.Activity.Attachments?.Select(a => JsonConvert.SerializeObject(a.Content)) ?? []);
        return text.Contains("ItpBot", StringComparison.Ordinal) && text.Contains("disclaimer", StringComparison.OrdinalIgnoreCase);
    }
}
