using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ItpBot.Channels.DirectLine;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;

namespace ItpBot.Tests.Channels;

/// <summary>The host's local Direct Line 3.0 endpoint, over real HTTP and WebSockets, as Web Chat uses it.</summary>
public sealed class LocalDirectLineTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private RunningBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await RunningBotHost.StartAsync(
            new Dictionary<string, string?> { ["DirectLine:MaxActivitiesPerConversation"] = "6" },
            builder => builder.Services.AddSingleton<TimeProvider>(_clock));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Starting_a_conversation_returns_its_id_a_token_and_a_stream_url()
    {
        var generated = await DirectLineSession.ReadJsonAsync(await _host.Client.PostAsync("v3/directline/tokens/generate", null));
        Assert.False(string.IsNullOrEmpty((string?)generated["conversationId"]));
        Assert.True((int)generated["expires_in"]! > 0);

        var session = await DirectLineSession.StartAsync(_host.Client);

        Assert.False(string.IsNullOrEmpty(session.Token));
        Assert.StartsWith($"ws://{_host.BaseAddress.Authority}/v3/directline/conversations/{session.ConversationId}/stream?", session.StreamUrl);
    }

    [Fact]
    public async Task The_welcome_arrives_before_the_user_types_anything()
    {
        var session = await DirectLineSession.StartAsync(_host.Client);

        var welcome = await session.WaitForAsync(a => (string?)a["from"]?["role"] == "bot");

        Assert.Equal("message", (string?)welcome["type"]);
        Assert.Contains("ItpBot", (string?)welcome["text"]);
        Assert.Contains("disclaimer", (string?)welcome["text"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(session.ConversationId, (string?)welcome["conversation"]?["id"]);
        Assert.Null(welcome["serviceUrl"]);
    }

    [Fact]
    public async Task A_message_comes_back_with_its_id_and_clientActivityID_then_the_bot_replies_to_it()
    {
        var session = await DirectLineSession.StartAsync(_host.Client);
        await session.WaitForAsync(a => (string?)a["from"]?["role"] == "bot");
        var (_, afterWelcome) = await session.GetActivitiesAsync();

        var id = await session.PostMessageAsync("hello", "client-1");

        var reply = await session.WaitForAsync(a => (string?)a["replyToId"] == id);
        var (activities, watermark) = await session.GetActivitiesAsync(afterWelcome);
        var echo = Assert.Single(activities, a => (string?)a!["id"] == id)!;
        Assert.Equal("client-1", (string?)echo["channelData"]?["clientActivityID"]);
        Assert.Equal("hello", (string?)echo["text"]);
        Assert.Equal("user", (string?)echo["from"]?["role"]);
        Assert.NotEqual("spoofed-user", (string?)echo["from"]?["id"]);
        Assert.StartsWith(session.ConversationId + "|", id);

        Assert.Equal("bot", (string?)reply["from"]?["role"]);
        Assert.Equal("message", (string?)reply["type"]);
        Assert.Equal((string?)echo["from"]?["id"], (string?)reply["recipient"]?["id"]);
        Assert.Equal("directline", (string?)reply["channelId"]);
        Assert.NotEqual(id, (string?)reply["id"]);
        Assert.True(long.Parse(watermark) > long.Parse(afterWelcome));

        var (nothingNew, sameWatermark) = await session.GetActivitiesAsync(watermark);
        Assert.Empty(nothingNew);
        Assert.Equal(watermark, sameWatermark);
    }

    [Fact]
    public async Task Conversations_are_isolated_and_a_token_opens_only_its_own()
    {
        var first = await DirectLineSession.StartAsync(_host.Client);
        var second = await DirectLineSession.StartAsync(_host.Client);
        var id = await first.PostMessageAsync("only for the first", "c-1");
        await first.WaitForAsync(a => (string?)a["replyToId"] == id);

        var (secondActivities, _) = await second.GetActivitiesAsync();
        Assert.DoesNotContain(secondActivities, a => (string?)a!["text"] == "only for the first");
        Assert.NotEqual(first.ConversationId, second.ConversationId);

        var crossRead = await first.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{second.ConversationId}/activities");
        var crossPost = await first.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{second.ConversationId}/activities", new { type = "message", text = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, crossRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossPost.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-token", HttpStatusCode.Forbidden)]
    [InlineData("tampered", HttpStatusCode.Forbidden)]
    public async Task Requests_without_a_valid_token_are_refused(string? token, HttpStatusCode expected)
    {
        var session = await DirectLineSession.StartAsync(_host.Client);
        var bearer = token == "tampered" ? session.Token[..^2] + (session.Token.EndsWith("AA") ? "BB" : "AA") : token;

        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, $"v3/directline/conversations/{session.ConversationId}/activities"),
                     (HttpMethod.Post, $"v3/directline/conversations/{session.ConversationId}/activities"),
                     (HttpMethod.Get, $"v3/directline/conversations/{session.ConversationId}"),
                     (HttpMethod.Post, "v3/directline/conversations"),
                     (HttpMethod.Post, "v3/directline/tokens/refresh"),
                 })
        {
            using var request = new HttpRequestMessage(method, path) { Content = new StringContent("""{"type":"message","text":"x"}""", Encoding.UTF8, "application/json") };
            if (bearer is not null)
            {
                request.Headers.Authorization = new("Bearer", bearer);
            }

            var response = await _host.Client.SendAsync(request);
            Assert.True(expected == response.StatusCode, $"{method} {path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Tokens_expire_and_a_refreshed_token_keeps_the_conversation()
    {
        var session = await DirectLineSession.StartAsync(_host.Client);
        _clock.Advance(TimeSpan.FromMinutes(20));
        var refreshed = await DirectLineSession.ReadJsonAsync(await session.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh"));
        var oldToken = session.Token;
        session.Token = (string)refreshed["token"]!;
        Assert.Equal(session.ConversationId, (string?)refreshed["conversationId"]);

        _clock.Advance(TimeSpan.FromMinutes(15));

        var withOld = await session.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{session.ConversationId}/activities", bearer: oldToken);
        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        var (activities, _) = await session.GetActivitiesAsync();
        Assert.NotEmpty(activities);
    }

    [Fact]
    public async Task Idle_conversations_are_forgotten_and_used_ones_kept()
    {
        var idle = await DirectLineSession.StartAsync(_host.Client);
        var used = await DirectLineSession.StartAsync(_host.Client);
        var conversations = _host.Services.GetRequiredService<LocalConversations>();
        var tokens = _host.Services.GetRequiredService<LocalTokens>();

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, conversations.RemoveIdle());
        used.Token = tokens.Issue(used.ConversationId, "someone").Token;
        await used.GetActivitiesAsync();

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, conversations.RemoveIdle());

        idle.Token = tokens.Issue(idle.ConversationId, "someone").Token;
        used.Token = tokens.Issue(used.ConversationId, "someone").Token;
        var forgotten = await idle.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{idle.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.NotFound, forgotten.StatusCode);
        var (stillThere, _) = await used.GetActivitiesAsync();
        Assert.NotEmpty(stillThere);
    }

    [Fact]
    public async Task A_conversation_keeps_only_its_latest_activities()
    {
        var session = await DirectLineSession.StartAsync(_host.Client);
        string last = string.Empty;
        for (var i = 0; i < 5; i++)
        {
            last = await session.PostMessageAsync($"message {i}", $"c-{i}");
        }

        var (activities, _) = await session.GetActivitiesAsync();

        Assert.Equal(6, activities.Count);
        Assert.DoesNotContain(activities, a => (string?)a!["text"] == "message 0");
        Assert.Equal("bot", (string?)activities[^1]!["from"]?["role"]);
        Assert.Equal(last, (string?)activities[^1]!["replyToId"]);
    }

    [Theory]
    [InlineData("""{"type":"conversationUpdate","membersAdded":[{"id":"x"}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"text":"no type"}""", HttpStatusCode.BadRequest)]
    [InlineData("not json", HttpStatusCode.BadRequest)]
    [InlineData("[1,2]", HttpStatusCode.BadRequest)]
    [InlineData("huge", HttpStatusCode.RequestEntityTooLarge)]
    public async Task Bad_activities_are_refused(string body, HttpStatusCode expected)
    {
        var session = await DirectLineSession.StartAsync(_host.Client);
        var content = body == "huge" ? $$"""{"type":"message","text":"{{new string('x', 70_000)}}"}""" : body;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{session.ConversationId}/activities")
        {
            Content = new StringContent(content, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", session.Token);

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_stream_sends_the_backlog_then_each_new_activity()
    {
        var session = await DirectLineSession.StartAsync(_host.Client);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(session.StreamUrl!), CancellationToken.None);

        var welcome = await ReceiveUntilAsync(socket, a => (string?)a["from"]?["role"] == "bot");
        Assert.Contains("ItpBot", (string?)welcome["text"]);

        var id = await session.PostMessageAsync("hello over the stream", "ws-1");
        var echo = await ReceiveUntilAsync(socket, a => (string?)a["id"] == id);
        var reply = await ReceiveUntilAsync(socket, a => (string?)a["replyToId"] == id);

        Assert.Equal("ws-1", (string?)echo["channelData"]?["clientActivityID"]);
        Assert.Equal("bot", (string?)reply["from"]?["role"]);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task The_stream_refuses_a_token_for_another_conversation()
    {
        var first = await DirectLineSession.StartAsync(_host.Client);
        var second = await DirectLineSession.StartAsync(_host.Client);
        var foreignStream = first.StreamUrl!.Replace(first.ConversationId, second.ConversationId);
        using var socket = new ClientWebSocket();

        await Assert.ThrowsAnyAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(foreignStream), CancellationToken.None));
    }

    [Fact]
    public async Task The_web_chat_token_endpoint_starts_a_local_session_by_default()
    {
        var session = await DirectLineSession.ReadJsonAsync(await _host.Client.PostAsync("api/directline/token", null));

        Assert.Equal("local", (string?)session["mode"]);
        Assert.Null((string?)session["domain"]);
        Assert.StartsWith("u_", (string?)session["userId"]);
        var started = new DirectLineSession(_host.Client, (string)session["conversationId"]!, (string)session["token"]!);
        var response = await started.SendAsync(HttpMethod.Post, "v3/directline/conversations");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var welcome = await started.WaitForAsync(a => (string?)a["from"]?["role"] == "bot");
        Assert.Equal((string?)session["userId"], (string?)welcome["recipient"]?["id"]);
    }

    [Fact]
    public async Task Typing_reaches_open_streams_only_and_is_not_kept()
    {
        await using var host = await RunningBotHost.StartAsync(configure: builder =>
            builder.Host.UseServiceProviderFactory(new LastWordServiceProviderFactory(s => s.AddTransient<IBot, WebChatShowcaseBot>())));
        var session = await DirectLineSession.StartAsync(host.Client);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(session.StreamUrl!), CancellationToken.None);

        var id = await session.PostMessageAsync("platelets 12", "t-1");
        var typing = await ReceiveUntilAsync(socket, a => (string?)a["type"] == "typing");
        await ReceiveUntilAsync(socket, a => (string?)a["replyToId"] == id && (string?)a["type"] == "message");

        Assert.Equal("bot", (string?)typing["from"]?["role"]);
        var (kept, _) = await session.GetActivitiesAsync();
        Assert.DoesNotContain(kept, a => (string?)a!["type"] == "typing");
        Assert.Contains(kept, a => (string?)a!["replyToId"] == id);
    }

    [Fact]
    public async Task Conversations_beyond_the_cap_are_refused_until_one_is_forgotten()
    {
        var clock = new ManualClock();
        await using var host = await RunningBotHost.StartAsync(
            new Dictionary<string, string?> { ["DirectLine:MaxConversations"] = "1" },
            builder => builder.Services.AddSingleton<TimeProvider>(clock));
        await DirectLineSession.StartAsync(host.Client);

        var generated = await DirectLineSession.ReadJsonAsync(await host.Client.PostAsync("v3/directline/tokens/generate", null));
        var refused = new DirectLineSession(host.Client, (string)generated["conversationId"]!, (string)generated["token"]!);
        var response = await refused.SendAsync(HttpMethod.Post, "v3/directline/conversations");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);

        clock.Advance(TimeSpan.FromMinutes(61));
        var retry = await DirectLineSession.StartAsync(host.Client);
        Assert.NotNull(retry.StreamUrl);
    }

    [Fact]
    public async Task A_failing_turn_gets_the_hosts_error_handling_and_the_conversation_goes_on()
    {
        await using var host = await RunningBotHost.StartAsync(configure: builder =>
            builder.Host.UseServiceProviderFactory(new LastWordServiceProviderFactory(s => s.AddTransient<IBot, FailingOnMessagesBot>())));
        var session = await DirectLineSession.StartAsync(host.Client);

        var id = await session.PostMessageAsync("anything", "f-1");

        var apology = await session.WaitForAsync(a => (string?)a["replyToId"] == id);
        Assert.Equal("bot", (string?)apology["from"]?["role"]);
        Assert.Contains("went wrong", (string?)apology["text"]);
        Assert.NotNull(await session.PostMessageAsync("again", "f-2"));
    }

    private sealed class FailingOnMessagesBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<Microsoft.Bot.Schema.IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a broken dialog");
    }

    private static async Task<JsonNode> ReceiveUntilAsync(ClientWebSocket socket, Func<JsonNode, bool> match)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[256 * 1024];
        while (true)
        {
            var text = new StringBuilder();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, cts.Token);
                text.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
            }
            while (!received.EndOfMessage);

            if (text.Length > 0 && JsonNode.Parse(text.ToString())!["activities"]!.AsArray().FirstOrDefault(a => a is not null && match(a)) is { } found)
            {
                return found;
            }
        }
    }
}
