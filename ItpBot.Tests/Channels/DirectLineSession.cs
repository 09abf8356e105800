using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ItpBot.Tests.Channels;

/// <summary>Plays a Direct Line 3.0 client (what Web Chat's DirectLineJS does) against the host's local Direct Line.</summary>
public sealed class DirectLineSession(HttpClient client, string conversationId, string token)
{
    public string ConversationId { get; } = conversationId;

    public string Token { get; set; } = token;

    public string? StreamUrl { get; private set; }

    /// <summary>tokens/generate, then POST /conversations with that token: Web Chat's start.</summary>
    public static async Task<DirectLineSession> StartAsync(HttpClient client)
    {
        var generated = await ReadJsonAsync(await client.PostAsync("v3/directline/tokens/generate", null));
        var session = new DirectLineSession(client, (string)generated["conversationId"]!, (string)generated["token"]!);
        var started = await session.SendAsync(HttpMethod.Post, "v3/directline/conversations", new { locale = "en-GB" });
        Assert.Equal(System.Net.HttpStatusCode.Created, started.StatusCode);
        var body = await ReadJsonAsync(started);
        Assert.Equal(session.ConversationId, (string?)body["conversationId"]);
        session.Token = (string)body["token"]!;
        session.StreamUrl = (string?)body["streamUrl"];
        return session;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return client.SendAsync(request);
    }

    /// <summary>Posts a message as Web Chat does (with channelData.clientActivityID); returns the id the channel assigned.</summary>
    public async Task<string> PostMessageAsync(string text, string clientActivityId)
    {
        var response = await SendAsync(HttpMethod.Post, $"v3/directline/conversations/{ConversationId}/activities", new
        {
            type = "message",
            text,
            from = new { id = "spoofed-user", name = "Dr Test", role = "user" },
            channelData = new { clientActivityID = clientActivityId },
            textFormat = "plain",
            locale = "en-GB",
        });
        Assert.True(response.IsSuccessStatusCode, $"post answered {(int)response.StatusCode}");
        return (string)(await ReadJsonAsync(response))["id"]!;
    }

    public async Task<(JsonArray Activities, string Watermark)> GetActivitiesAsync(string? watermark = null)
    {
        var response = await SendAsync(HttpMethod.Get, $"v3/directline/conversations/{ConversationId}/activities?watermark={watermark}");
        Assert.True(response.IsSuccessStatusCode, $"get answered {(int)response.StatusCode}");
        var body = await ReadJsonAsync(response);
        return (body["activities"]!.AsArray(), (string)body["watermark"]!);
    }

    /// <summary>Polls (as Web Chat does without WebSockets) until an activity matches; fails after the timeout.</summary>
    public async Task<JsonNode> WaitForAsync(Func<JsonNode, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var (activities, _) = await GetActivitiesAsync();
            if (activities.FirstOrDefault(a => a is not null && match(a)) is { } found)
            {
                return found;
            }

            await Task.Delay(100, cts.Token);
        }
    }

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}

/// <summary>A clock the tests move by hand.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
