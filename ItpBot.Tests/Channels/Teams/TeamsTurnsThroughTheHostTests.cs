using System.Collections.Concurrent;
using ItpBot.Channels.Teams;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Tests.Channels.Teams;

/// <summary>The Teams middleware as the real host runs it: a group-chat message with an @mention, and an oversized reply.</summary>
public sealed class TeamsTurnsThroughTheHostTests : IAsyncLifetime
{
    private const string LongAnswerRequest = "send the long answer";

    private readonly TurnProbe _probe = new();
    private RunningBotHost _host = null!;
    private ConnectorSink _sink = null!;

    public async Task InitializeAsync()
    {
        _sink = await ConnectorSink.StartAsync();
        _host = await RunningBotHost.StartAsync(configure: builder => builder.Services.AddSingleton<Microsoft.Bot.Builder.IMiddleware>(_probe));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task In_a_group_chat_the_bot_reads_the_message_without_its_mention()
    {
        var message = GroupChatMessage("<at>Test Bot</at> new patient");

        var response = await _host.Client.PostActivityAsync(message);

        Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}");
        Assert.Equal("new patient", Assert.Single(_probe.TextsSeenByTheBot));
        Assert.Contains(_sink.All, reply => reply.ReplyToId == message.Id && reply.ConversationId == message.Conversation.Id);
    }

    [Fact]
    public async Task An_oversized_reply_reaches_Teams_in_parts_that_each_fit()
    {
        var message = GroupChatMessage($"<at>Test Bot</at> {LongAnswerRequest}");

        var response = await _host.Client.PostActivityAsync(message);

        Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}");
        var parts = _sink.All.Where(p => p.Activity.Text?.StartsWith("- line", StringComparison.Ordinal) == true).ToList();
        Assert.True(parts.Count >= 2, $"expected the long answer in parts, got {parts.Count}");
        Assert.All(parts, part => Assert.True(
            System.Text.Encoding.UTF8.GetByteCount(part.RawJson) <= MessageSizeGuardMiddleware.MaxMessageBytes,
            $"a part of {part.RawJson.Length} characters reached the connector"));
        Assert.Equal(TurnProbe.LongAnswer, string.Concat(parts.Select(p => p.Activity.Text)));
        Assert.All(parts, part => Assert.Equal(message.Id, part.ReplyToId));
    }

    private Activity GroupChatMessage(string text)
    {
        var message = RecordedActivities.Load("msteams", ActivityTypes.Message, _sink.ServiceUrl);
        message.Id = Guid.NewGuid().ToString();
        message.Text = text;
        message.Conversation.ConversationType = "groupChat";
        message.Conversation.Id = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2";
        message.Entities.Add(RemoveMentionMiddlewareTests.Mention(message.Recipient.Id, message.Recipient.Name, "<at>Test Bot</at>"));
        return message;
    }

    /// <summary>
    /// Registered before the Teams middleware, so it wraps it: after the turn it reads the text the bot was given, and
    /// on request sends a reply far over the Teams limit through the same pipeline.
    /// </summary>
    private sealed class TurnProbe : Microsoft.Bot.Builder.IMiddleware
    {
        public static readonly string LongAnswer = string.Concat(Enumerable.Range(1, 3_000).Select(i => $"- line {i}: eltrombopag 50 mg once daily\n"));

        public ConcurrentQueue<string?> TextsSeenByTheBot { get; } = new();

        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            await next(cancellationToken);
            if (turnContext.Activity.Type != ActivityTypes.Message)
            {
                return;
            }

            TextsSeenByTheBot.Enqueue(turnContext.Activity.Text);
            if (turnContext.Activity.Text == LongAnswerRequest)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(LongAnswer), cancellationToken);
            }
        }
    }
}
