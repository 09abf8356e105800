using System.Security.Claims;
using ItpBot.Delivery;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ItpBot.Tests.Delivery;

/// <summary>The pooled reply path against the SDK's client-per-turn path, on the real host with a loopback connector.</summary>
public sealed class FastReplyPathTests
{
    private static Dictionary<string, string?> Mode(bool reuse) => new() { ["Delivery:ReuseConnectorClients"] = reuse ? "true" : "false" };

    [Fact]
    public async Task Replies_carry_the_same_ids_and_bodies_as_on_the_sdk_path()
    {
        var pooled = await ConverseAsync(reuse: true);
        var sdk = await ConverseAsync(reuse: false);

        Assert.Equal(sdk.Count, pooled.Count);
        for (var i = 0; i < sdk.Count; i++)
        {
            Assert.Equal(sdk[i].ConversationId, pooled[i].ConversationId);
            Assert.Equal(sdk[i].ReplyToId, pooled[i].ReplyToId);
            Assert.Equal(sdk[i].Authorization, pooled[i].Authorization);
            Assert.True(
                JToken.DeepEquals(JToken.Parse(sdk[i].RawJson), JToken.Parse(pooled[i].RawJson)),
                $"reply {i} differs:\nSDK:    {sdk[i].RawJson}\npooled: {pooled[i].RawJson}");
        }

        // Anonymous, as configured: no token goes out on either path.
        Assert.All(pooled, p => Assert.Equal(string.Empty, p.Authorization));
    }

    [Fact]
    public async Task One_connector_client_serves_every_reply_of_every_conversation()
    {
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(Mode(reuse: true));

        var sent = 0;
        foreach (var conversation in new[] { "conv-a", "conv-b", "conv-c" })
        {
            foreach (var text in new[] { "hello", "70 kg", "no" })
            {
                var message = Activities.Message(sink.ServiceUrl, conversation, text);
                var response = await host.Client.PostActivityAsync(message);
                Assert.True(response.IsSuccessStatusCode, $"message answered {response.StatusCode}");
                var reply = await sink.NextMatchingAsync(p => p.ReplyToId == message.Id);
                Assert.Equal(conversation, reply.ConversationId);
                sent++;
            }
        }

        Assert.Equal(9, sent);
        Assert.Equal(1, host.Services.GetRequiredService<ConnectorClientPool>().ClientsCreated);
    }

    [Fact]
    public async Task Each_service_url_gets_its_own_client()
    {
        await using var first = await ConnectorSink.StartAsync();
        await using var second = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(Mode(reuse: true));

        foreach (var sink in new[] { first, second, first, second })
        {
            var message = Activities.Message(sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), "hello");
            Assert.True((await host.Client.PostActivityAsync(message)).IsSuccessStatusCode);
            await sink.NextMatchingAsync(p => p.ReplyToId == message.Id);
        }

        Assert.Equal(2, host.Services.GetRequiredService<ConnectorClientPool>().ClientsCreated);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Turns_share_one_connector_and_one_token_client_only_on_the_pooled_path(bool reuse)
    {
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(Mode(reuse));
        var adapter = host.Services.GetRequiredService<CloudAdapter>();
        var continuation = new ConversationReference
        {
            ChannelId = "emulator",
            ServiceUrl = sink.ServiceUrl,
            Conversation = new ConversationAccount(id: "conv-proactive"),
            Bot = new ChannelAccount("itpbot", "ItpBot"),
            User = new ChannelAccount("user-1", "User"),
        }.GetContinuationActivity();

        var clients = new List<IConnectorClient>();
        var tokenClients = new List<UserTokenClient>();
        for (var turn = 0; turn < 2; turn++)
        {
            // The adapter disposes the turn's client when the turn ends; the second turn proves a pooled one survives.
            await adapter.ContinueConversationAsync(new ClaimsIdentity(), continuation, async (context, ct) =>
            {
                clients.Add(context.TurnState.Get<IConnectorClient>());
                tokenClients.Add(context.TurnState.Get<UserTokenClient>());
                await context.SendActivityAsync("proactive note", cancellationToken: ct);
            }, CancellationToken.None);
            var posted = await sink.NextAsync();
            Assert.Equal("conv-proactive", posted.ConversationId);
            Assert.Equal("proactive note", posted.Activity.Text);
        }

        Assert.Equal(reuse, ReferenceEquals(clients[0], clients[1]));
        Assert.Equal(reuse, ReferenceEquals(clients[0].SerializationSettings, clients[1].SerializationSettings));
        Assert.Equal(reuse, ReferenceEquals(tokenClients[0], tokenClients[1]));
    }

    /// <summary>A welcome and two message turns with fixed ids, so two hosts can be compared reply by reply.</summary>
    private static async Task<List<PostedActivity>> ConverseAsync(bool reuse)
    {
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningBotHost.StartAsync(Mode(reuse));
        const string conversationId = "conv-compare";

        var update = Activities.ConversationUpdate(sink.ServiceUrl, conversationId);
        update.Id = "update-1";
        var first = Activities.Message(sink.ServiceUrl, conversationId, "52M, chronic ITP 3y, plt 12k");
        first.Id = "message-1";
        var second = Activities.Message(sink.ServiceUrl, conversationId, "70 kg");
        second.Id = "message-2";

        var replies = new List<PostedActivity>();
        foreach (var activity in new[] { update, first, second })
        {
            activity.Timestamp = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
            var response = await host.Client.PostActivityAsync(activity);
            Assert.True(response.IsSuccessStatusCode, $"{activity.Type} answered {response.StatusCode}");
            var reply = await sink.NextMatchingAsync(p => p.ReplyToId == activity.Id);

            // The two hosts post to two sinks; the serviceUrl echoed in the reply is the only intended difference.
            replies.Add(reply with { RawJson = reply.RawJson.Replace(sink.ServiceUrl, "{serviceUrl}", StringComparison.Ordinal) });
        }

        return replies;
    }
}
