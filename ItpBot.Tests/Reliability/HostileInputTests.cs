using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Tests.Reliability;

/// <summary>
/// Hostile and broken requests against the real host: each gets a 4xx or a polite reply, never a 5xx, the host keeps
/// serving, and state stored before is still there.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private RunningBotHost _host = null!;
    private ConnectorSink _sink = null!;
    private string _keptKey = null!;

    public async Task InitializeAsync()
    {
        _sink = await ConnectorSink.StartAsync();
        _host = await RunningBotHost.StartAsync(new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
        _keptKey = await StoredState.KeepAsync(_host);
    }

    public async Task DisposeAsync()
    {
        await StoredState.AssertKeptAsync(_host, _keptKey);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("healthz")).StatusCode);
        await _host.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task A_body_that_is_not_declared_json_gets_415(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Json(Message("hello"))));
        content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);

        var response = await _host.Client.PostAsync("api/messages", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"type":"message","serviceUrl":"http://127.0.0.1:1/","text":"hi"}""")]
    [InlineData("""{"conversation":{"id":"c1"},"serviceUrl":"http://127.0.0.1:1/","text":"hi"}""")]
    [InlineData("""{"type":"message","conversation":{"id":"c1"},"text":"hi"}""")]
    [InlineData("""{"type":"message","conversation":{"id":""},"serviceUrl":"http://127.0.0.1:1/"}""")]
    [InlineData("""{"type":"message","conversation":"c1","serviceUrl":"http://127.0.0.1:1/"}""")]
    [InlineData("""{"type":"message","conversation":{"id":"c1"},"serviceUrl":"not a url"}""")]
    [InlineData("""{"type":"message","conversation":{"id":"c1"},"serviceUrl":"file:///etc/passwd"}""")]
    [InlineData("""{"type":42,"conversation":{"id":"c1"},"serviceUrl":"http://127.0.0.1:1/"}""")]
    [InlineData("""{"type":"message","conversation":{"id":"c1"},"serviceUrl":"http://127.0.0.1:1/","text":{"a":1}}""")]
    [InlineData("""{"type":"message","conversation":{"id":"c1"},"serviceUrl":"http://127.0.0.1:1/","from":"someone"}""")]
    [InlineData("""{"type":"message","conversation":{"id":"c1"},"serviceUrl":"http://127.0.0.1:1/","attachments":"x"}""")]
    [InlineData("""{"type":"message","conversation":{"id":"c1"},"serviceUrl":"http://127.0.0.1:1/",""")]
    [InlineData("null")]
    [InlineData("\"message\"")]
    public async Task Activities_missing_what_the_protocol_needs_get_400(string body)
    {
        var response = await _host.Client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_whether_or_not_its_length_is_declared()
    {
        // Just over the 256 KiB limit: a larger body can still be in flight when the host answers 413 and closes, which
        // the client then sees as a broken pipe instead of the answer.
        var tooLarge = Message(new string('a', 300 * 1024));

        var declared = await _host.Client.PostAsync("api/messages", new StringContent(Json(tooLarge), Encoding.UTF8, "application/json"));
        var chunked = await _host.Client.PostAsync("api/messages", new ChunkedJson(Json(tooLarge)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
    }

    [Fact]
    public async Task Text_longer_than_the_limit_gets_a_polite_reply_and_is_not_processed()
    {
        var message = Message(new string('b', 30_000));

        var response = await _host.Client.PostActivityAsync(message);

        Assert.True(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
        var reply = await _sink.NextMatchingAsync(p => p.ReplyToId == message.Id);
        Assert.Contains("too long", reply.Activity.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Json_nested_ten_thousand_deep_gets_400()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var body = Json(Message("hi")).TrimEnd('}') + ",\"channelData\":" + deep + "}";

        var response = await _host.Client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_gets_400()
    {
        var bytes = Encoding.UTF8.GetBytes(Json(Message("hello XX there")));
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        var response = await _host.Client.PostAsync("api/messages", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("\u0000\u0001\u0007\u001b[31m\u007f\u200b\u202e reversed")]
    [InlineData("\ud800 lone surrogate")]
    [InlineData("")]
    public async Task Control_characters_and_odd_unicode_in_text_get_a_reply(string text)
    {
        var message = Message(text);

        var response = await _host.Client.PostActivityAsync(message);

        Assert.True(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
        await _sink.NextMatchingAsync(p => p.ReplyToId == message.Id);
    }

    [Theory]
    [InlineData("somethingNobodyDefined")]
    [InlineData("typing")]
    [InlineData("endOfConversation")]
    [InlineData("event")]
    [InlineData("messageReaction")]
    public async Task Unknown_and_unexpected_activity_types_get_2xx(string type)
    {
        var activity = Message("hi");
        activity.Type = type;

        var response = await _host.Client.PostActivityAsync(activity);

        Assert.True(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
    }

    /// <summary>
    /// Pending the ITP dialogs (the placeholder bot does not repeat text): whatever the bot repeats back of user text
    /// must not come back as live HTML or Markdown.
    /// </summary>
    [Fact]
    public async Task Markup_in_user_text_does_not_come_back_live()
    {
        var message = Message("<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) **bold**");

        var response = await _host.Client.PostActivityAsync(message);

        Assert.True(response.IsSuccessStatusCode, $"answered {response.StatusCode}");
        var reply = await _sink.NextMatchingAsync(p => p.ReplyToId == message.Id);
        var text = reply.Activity.Text ?? string.Empty;
        Assert.DoesNotContain("<script>", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("](javascript:", text, StringComparison.OrdinalIgnoreCase);
    }

    private Activity Message(string text) => Activities.Message(_sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), text);

    private static string Json(Activity activity) => JsonConvert.SerializeObject(activity);

    /// <summary>JSON sent without Content-Length (chunked), so only reading can find it too long.</summary>
    private sealed class ChunkedJson : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedJson(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>State written before a storm of bad requests, to prove afterwards that none was lost.</summary>
public static class StoredState
{
    public static async Task<string> KeepAsync(RunningBotHost host)
    {
        var key = $"emulator/conversations/kept-{Guid.NewGuid():N}";
        await host.Services.GetRequiredService<IStorage>().WriteAsync(new Dictionary<string, object>
        {
            [key] = new Dictionary<string, object> { ["step"] = "platelets", ["answers"] = 7L },
        });
        return key;
    }

    public static async Task AssertKeptAsync(RunningBotHost host, string key)
    {
        var items = await host.Services.GetRequiredService<IStorage>().ReadAsync([key]);
        var state = Assert.IsAssignableFrom<IDictionary<string, object>>(items[key]);
        Assert.Equal("platelets", state["step"]);
        Assert.Equal(7L, state["answers"]);
    }
}
