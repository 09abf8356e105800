using System.Net;
using System.Text;
using ItpBot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Tests.Host;

/// <summary>Plays the Bot Framework Emulator against the real host on Kestrel, with a loopback connector as serviceUrl.</summary>
public sealed class EmulatorEndToEndTests : HostAndConnectorTest
{
    [Fact]
    public async Task Health_endpoint_answers()
    {
        var response = await Host.Client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Welcome_and_reply_arrive_at_the_connector_with_the_right_ids()
    {
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");

        var update = Activities.ConversationUpdate(Sink.ServiceUrl, conversationId);
        var updateResponse = await Host.Client.PostActivityAsync(update);
        Assert.True(updateResponse.IsSuccessStatusCode, $"conversationUpdate answered {updateResponse.StatusCode}");

        var welcome = await Sink.NextAsync();
        Assert.Equal(conversationId, welcome.ConversationId);
        Assert.Equal(update.Id, welcome.ReplyToId);
        Assert.Equal(conversationId, welcome.Activity.Conversation.Id);
        Assert.Contains("ItpBot", welcome.Activity.Text ?? string.Empty);
        Assert.Contains("disclaimer", AllText(welcome.Activity), StringComparison.OrdinalIgnoreCase);

        var message = Activities.Message(Sink.ServiceUrl, conversationId, "hello");
        var messageResponse = await Host.Client.PostActivityAsync(message);
        Assert.True(messageResponse.IsSuccessStatusCode, $"message answered {messageResponse.StatusCode}");

        var reply = await Sink.NextMatchingAsync(p => p.ReplyToId == message.Id);
        Assert.Equal(conversationId, reply.ConversationId);
        Assert.Equal(message.Id, reply.Activity.ReplyToId);
        Assert.Equal(ActivityTypes.Message, reply.Activity.Type);
        Assert.Equal("user-1", reply.Activity.Recipient.Id);
    }

    [Fact]
    public async Task ExpectReplies_returns_the_replies_in_the_response_body()
    {
        var message = Activities.Message(Sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), "hello");
        message.DeliveryMode = DeliveryModes.ExpectReplies;

        var response = await Host.Client.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonConvert.DeserializeObject<ExpectedReplies>(await response.Content.ReadAsStringAsync())!;
        Assert.NotEmpty(body.Activities);
        Assert.All(body.Activities, a => Assert.Equal(message.Id, a.ReplyToId));
        Assert.Empty(Sink.All);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"text": "no type"}""")]
    [InlineData("")]
    [InlineData("[1, 2, 3]")]
    public async Task Malformed_posts_get_400_and_the_host_keeps_serving(string body)
    {
        var response = await Host.Client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.Client.GetAsync("healthz")).StatusCode);
    }

    private static string AllText(Activity activity) =>
        activity.Text + " " + string.Join(" ", activity.Attachments?.Select(a => JsonConvert.SerializeObject(a.Content)) ?? []);
}
