using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ItpBot.Tests.Support;
using Microsoft.Bot.Schema;

namespace ItpBot.Tests.Reliability;

/// <summary>
/// Every form of /api/messages passes the same guard and limits, and the limits fall where they should: the
/// per-conversation limit counts only authenticated requests, the per-IP limit only anonymous endpoints.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class RouteFormAndLimitTests : IAsyncLifetime
{
    /// <summary>Forms the router sends to /api/messages (trailing slash, letter case, percent-encoded letters).</summary>
    public static TheoryData<string> RoutedForms => new() { "api/messages/", "API/Messages", "Api/MESSAGES/", "api/%6Dessages", "api/messages%2F", "api//messages" };

    private LocalTokenIssuer _issuer = null!;
    private ConnectorSink _sink = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalTokenIssuer.StartAsync();
        _sink = await ConnectorSink.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _sink.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    // Must hold: an oversized or broken body is refused by the guard on every form, never reaches the bot.
    [Theory]
    [MemberData(nameof(RoutedForms))]
    public async Task Every_form_goes_through_the_guard(string path)
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
        var huge = Activities.Message(_sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), new string('a', 300 * 1024));

        var oversized = await host.Client.PostAsync(path, huge.ToContent());
        var broken = await host.Client.PostAsync(path, new StringContent("{\"type\":", Encoding.UTF8, "application/json"));

        Assert.Contains(oversized.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.NotFound });
        Assert.Contains(broken.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        Assert.Empty(_sink.All);
    }

    // Must hold: with an app id set, a bad token on any form gets 401 (or 404 where nothing is routed), never 500.
    [Theory]
    [MemberData(nameof(RoutedForms))]
    public async Task With_an_app_id_a_bad_token_on_every_form_gets_401(string path)
    {
        await using var host = await RunningBotHost.StartAsync(AuthSettings());
        foreach (var token in new[] { null, "not.a.jwt", _issuer.Token("another-bot", _sink.ServiceUrl) })
        {
            var response = await SendAsync(host, path, Activities.Message(_sink.ServiceUrl, "conv-1", "hello"), token);

            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.NotFound });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host, "api/messages/", Activities.Message(_sink.ServiceUrl, "conv-1", "hello"), "not.a.jwt")).StatusCode);
    }

    // Must hold: the per-IP limit of the anonymous (no app id) endpoint counts every form alike.
    [Fact]
    public async Task The_per_ip_limit_counts_every_form()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?> { ["RateLimiting:PermitsPerMinute"] = "3" });
        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "api/messages", "api/messages/", "API/MESSAGES", "api/%6Dessages/" })
        {
            statuses.Add((await host.Client.PostAsync(path, Typing("conv-" + Guid.NewGuid().ToString("N")).ToContent())).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    // Must hold: requests without a valid token are refused before they count, so they cannot make the bot answer 429
    // in someone else's conversation.
    [Fact]
    public async Task Unauthenticated_requests_do_not_use_up_a_conversations_permits()
    {
        var settings = AuthSettings();
        settings["RateLimiting:Enabled"] = "true";
        settings["RateLimiting:ConversationPermitsPerMinute"] = "2";
        await using var host = await RunningBotHost.StartAsync(settings);
        var conversation = "conv-" + Guid.NewGuid().ToString("N");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host, "api/messages", Typing(conversation), i % 2 == 0 ? null : "forged")).StatusCode);
        }

        var good = _issuer.Token(AuthenticationTests.AppId, _sink.ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host, "api/messages", Typing(conversation), good)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host, "api/messages/", Typing(conversation), good)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(host, "api/messages", Typing(conversation), good)).StatusCode);
    }

    // Must hold: Azure Bot Service sends every conversation from a few addresses; its authenticated traffic is never
    // limited per IP, however low that limit is set.
    [Fact]
    public async Task Authenticated_channel_traffic_from_one_ip_across_many_conversations_is_not_refused()
    {
        var settings = AuthSettings();
        settings["RateLimiting:Enabled"] = "true";
        settings["RateLimiting:PermitsPerMinute"] = "3";
        await using var host = await RunningBotHost.StartAsync(settings);
        var good = _issuer.Token(AuthenticationTests.AppId, _sink.ServiceUrl);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            SendAsync(host, "api/messages", Typing("conv-" + Guid.NewGuid().ToString("N")), good)));

        Assert.All(statuses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    // Must hold: the anonymous endpoints (local Direct Line token and conversation calls, the Web Chat token, the
    // assessments API without its key) are limited per IP; with the key the API is not.
    [Fact]
    public async Task A_flood_on_the_anonymous_endpoints_is_refused_per_ip()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitsPerMinute"] = "3",
            ["Assessments:ApiKey"] = "the-key",
        });

        async Task<HttpStatusCode> LastOfAsync(Func<Task<HttpResponseMessage>> call)
        {
            var last = HttpStatusCode.OK;
            for (var i = 0; i < 5; i++)
            {
                last = (await call()).StatusCode;
            }

            return last;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await LastOfAsync(() => host.Client.PostAsync("v3/directline/tokens/generate", null)));
    }

    [Fact]
    public async Task The_assessments_api_is_limited_per_ip_without_its_key_and_not_with_it()
    {
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitsPerMinute"] = "3",
            ["Assessments:ApiKey"] = "the-key",
        });

        var withoutKey = new List<HttpStatusCode>();
        var withKey = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            withoutKey.Add((await host.Client.PostAsync("api/assessments", Json("{}"))).StatusCode);
            var request = new HttpRequestMessage(HttpMethod.Post, "api/assessments") { Content = Json("{}") };
            request.Headers.Add("X-Api-Key", "the-key");
            withKey.Add((await host.Client.SendAsync(request)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, withoutKey[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, withKey);
    }

    private Dictionary<string, string?> AuthSettings() => AuthenticationTests.AuthSettings(_issuer.MetadataUrl);

    private Activity Typing(string conversationId)
    {
        var activity = Activities.Message(_sink.ServiceUrl, conversationId, "hi");
        activity.Type = ActivityTypes.Typing;
        activity.Text = null;

        // The answer comes back in the response: nothing is sent out, so no outbound token is needed.
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        return activity;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> SendAsync(RunningBotHost host, string path, Activity activity, string? token)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = activity.ToContent() };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return host.Client.SendAsync(request);
    }
}
