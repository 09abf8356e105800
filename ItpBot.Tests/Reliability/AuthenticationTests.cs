using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using ItpBot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Tests.Reliability;

/// <summary>
/// With MicrosoftAppId set, /api/messages takes only tokens the SDK's own validation accepts
/// (ConfigurationBotFrameworkAuthentication), here against a loopback OpenID metadata document and JWKS.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    internal const string AppId = "00000000-1111-2222-3333-444444444444";

    private LocalTokenIssuer _issuer = null!;
    private ConnectorSink _sink = null!;
    private RunningBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalTokenIssuer.StartAsync();
        _sink = await ConnectorSink.StartAsync();
        _host = await RunningBotHost.StartAsync(AuthSettings(_issuer.MetadataUrl));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sink.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_valid_channel_token_is_accepted()
    {
        var response = await PostAsync(_issuer.Token(AppId, _sink.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JsonConvert.DeserializeObject<ExpectedReplies>(await response.Content.ReadAsStringAsync())!;
        Assert.NotEmpty(replies.Activities);
    }

    [Fact]
    public async Task No_token_gets_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(token: null)).StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_bot_gets_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_issuer.Token("another-bot", _sink.ServiceUrl))).StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_issuer_gets_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_issuer.Token(AppId, _sink.ServiceUrl, issuer: "https://evil.invalid/"))).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        var token = _issuer.Token(AppId, _sink.ServiceUrl, expires: DateTime.UtcNow.AddHours(-1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(token)).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_gets_401()
    {
        using var forger = RSA.Create(2048);

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_issuer.Token(AppId, _sink.ServiceUrl, signWith: forger))).StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_service_url_gets_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_issuer.Token(AppId, "http://127.0.0.1:9/elsewhere/"))).StatusCode);
    }

    [Fact]
    public async Task A_garbled_authorization_header_gets_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("not.a.jwt", scheme: "Bearer")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_issuer.Token(AppId, _sink.ServiceUrl), scheme: "Basic")).StatusCode);
    }

    [Fact]
    public async Task Unreachable_signing_metadata_gets_401_or_503_with_a_log_line_never_500()
    {
        var logs = new CapturingLoggerProvider();
        var unreachable = $"http://127.0.0.1:{ClosedPort()}/.well-known/openid-configuration";
        LocalTokenIssuer.AllowPlainHttpMetadata(unreachable);
        await using var host = await RunningBotHost.StartAsync(AuthSettings(unreachable), b => b.Logging.AddProvider(logs));

        var response = await PostAsync(_issuer.Token(AppId, _sink.ServiceUrl), host: host);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.ServiceUnavailable });
        Assert.Contains(logs.Lines, line => line.Contains("Refused a request", StringComparison.Ordinal) && line.Contains(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("healthz")).StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string? token, string scheme = "Bearer", RunningBotHost? host = null)
    {
        var activity = Activities.Message(_sink.ServiceUrl, "conv-" + Guid.NewGuid().ToString("N"), "hello");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = activity.ToContent() };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        }

        return (host ?? _host).Client.SendAsync(request);
    }

    internal static Dictionary<string, string?> AuthSettings(string metadataUrl) => new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = metadataUrl,
        ["ToBotFromChannelTokenIssuer"] = LocalTokenIssuer.Issuer,

        // Overriding any of the above switches the SDK to its parameterized cloud, which needs these too (public cloud
        // values; nothing is sent to them in these tests, the replies come back in the response: expectReplies).
        ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["OAuthUrl"] = "https://api.botframework.com",
        ["CallerId"] = "urn:botframework:azure",
        ["ValidateAuthority"] = "true",
        ["RateLimiting:Enabled"] = "false",
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
