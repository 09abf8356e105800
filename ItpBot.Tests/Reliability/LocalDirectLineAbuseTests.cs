using System.Net;
using System.Net.WebSockets;
using ItpBot.Channels.DirectLine;
using ItpBot.Tests.Channels;
using ItpBot.Tests.Support;

namespace ItpBot.Tests.Reliability;

/// <summary>
/// The local Direct Line against one client trying to take it over. Must hold: a client gets only its share of
/// conversations and sockets, idle sockets are closed, over-long text is not read, "forget me" leaves no transcript,
/// stream tokens never reach a log, and it works with an app id set.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class LocalDirectLineAbuseTests
{
    [Fact]
    public async Task One_client_cannot_fill_the_conversation_slots()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:MaxConversations"] = "100",
            ["DirectLine:MaxConversationsPerClient"] = "3",
        });
        for (var i = 0; i < 3; i++)
        {
            await DirectLineSession.StartAsync(host.Client);
        }

        var refused = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            var generated = await DirectLineSession.ReadJsonAsync(await host.Client.PostAsync("v3/directline/tokens/generate", null));
            var session = new DirectLineSession(host.Client, (string)generated["conversationId"]!, (string)generated["token"]!);
            refused.Add((await session.SendAsync(HttpMethod.Post, "v3/directline/conversations")).StatusCode);
        }

        var conversations = host.Services.GetRequiredService<LocalConversations>();
        Assert.All(refused, s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(3, conversations.Count);

        // Another client still gets a conversation.
        Assert.NotNull(conversations.Start(LocalConversations.NewConversationId(), "u_other", "192.0.2.7"));
    }

    [Fact]
    public async Task One_token_and_one_client_get_only_their_share_of_sockets()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:MaxStreamsPerConversation"] = "1",
            ["DirectLine:MaxStreamsPerClient"] = "2",
        });
        var first = await DirectLineSession.StartAsync(host.Client);
        var second = await DirectLineSession.StartAsync(host.Client);
        var third = await DirectLineSession.StartAsync(host.Client);

        using var open = await ConnectAsync(first.StreamUrl!);
        var secondForFirst = await FreshStreamUrlAsync(first);
        await Assert.ThrowsAnyAsync<WebSocketException>(() => ConnectAsync(secondForFirst));

        using var secondOpen = await ConnectAsync(second.StreamUrl!);
        await Assert.ThrowsAnyAsync<WebSocketException>(() => ConnectAsync(third.StreamUrl!));

        // A socket closed gives its slot back.
        await open.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        await WaitUntilAsync(async () =>
        {
            try
            {
                using var again = await ConnectAsync(await FreshStreamUrlAsync(first));
                return true;
            }
            catch (WebSocketException)
            {
                return false;
            }
        });
    }

    [Fact]
    public async Task An_idle_socket_is_closed()
    {
        var clock = new Channels.ManualClock();
        await using var host = await RunningBotHost.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var session = await DirectLineSession.StartAsync(host.Client);
        using var socket = await ConnectAsync(session.StreamUrl!);

        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(1, host.Services.GetRequiredService<LocalConversations>().RemoveIdle());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, timeout.Token);
        }
        while (received.MessageType != WebSocketMessageType.Close);
    }

    [Fact]
    public async Task Text_over_the_limit_is_answered_politely_and_not_read()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?> { ["Bot:MaxTextLength"] = "200" });
        var session = await DirectLineSession.StartAsync(host.Client);

        var id = await session.PostMessageAsync("52M plt 12k " + new string('x', 300), "long-1");

        var reply = await session.WaitForAsync(a => (string?)a["replyToId"] == id);
        Assert.Contains("too long", (string?)reply["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_me_also_deletes_the_transcript()
    {
        await using var host = await RunningBotHost.StartAsync();
        var session = await DirectLineSession.StartAsync(host.Client);
        var caseId = await session.PostMessageAsync("52M, chronic ITP 3y, plt 12k, epistaxis", "case-1");
        await session.WaitForAsync(a => (string?)a["replyToId"] == caseId);

        var forgetId = await session.PostMessageAsync("forget me", "forget-1");
        await session.WaitForAsync(a => (string?)a["replyToId"] == forgetId);

        var (activities, _) = await session.GetActivitiesAsync();
        Assert.DoesNotContain(activities, a => ((string?)a!["text"])?.Contains("plt 12k", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(activities, a => (string?)a!["replyToId"] == caseId);
    }

    [Fact]
    public async Task Stream_tokens_never_reach_a_log()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await RunningBotHost.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" },
            b => b.Logging.AddProvider(logs));
        var session = await DirectLineSession.StartAsync(host.Client);
        var token = Uri.UnescapeDataString(session.StreamUrl!.Split("t=")[1]);
        using (var socket = await ConnectAsync(session.StreamUrl!))
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(token, StringComparison.Ordinal) || line.Contains(Uri.EscapeDataString(token), StringComparison.Ordinal));
    }

    [Fact]
    public async Task It_works_with_an_app_id_set()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AuthenticationTests.AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        var session = await DirectLineSession.StartAsync(host.Client);

        var welcome = await session.WaitForAsync(a => (string?)a["from"]?["role"] == "bot");
        var id = await session.PostMessageAsync("start", "app-id-1");
        var reply = await session.WaitForAsync(a => (string?)a["replyToId"] == id);

        Assert.Contains("ItpBot", (string?)welcome["text"], StringComparison.Ordinal);
        Assert.DoesNotContain("went wrong", (string?)reply["text"], StringComparison.Ordinal);
    }

    private static async Task<ClientWebSocket> ConnectAsync(string url)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(new Uri(url), CancellationToken.None);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<string> FreshStreamUrlAsync(DirectLineSession session)
    {
        var body = await DirectLineSession.ReadJsonAsync(await session.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{session.ConversationId}"));
        return (string)body["streamUrl"]!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
