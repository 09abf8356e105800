using System.Collections.Concurrent;
using System.Net.Http.Headers;
using ItpBot.Delivery;
using ItpBot.Tests.Support;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace ItpBot.Tests.Delivery;

/// <summary>
/// With app credentials configured, replies carry the SDK credential's bearer token. The credential comes from a
/// test ServiceClientCredentialsFactory that the SDK's ConfigurationBotFrameworkAuthentication picks up from DI,
/// so app id, audience and login URL are the ones the SDK resolved from configuration.
/// </summary>
public sealed class OutboundTokenTests
{
    private const string AppId = "0f1e2d3c-aaaa-bbbb-cccc-itpbot-test";
    private const string Scope = "api://itpbot-test-connector/.default";
    private const string LoginUrl = "https://login.itpbot.test/botframework.com";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Replies_carry_the_bearer_token_of_the_configured_app(bool reuse)
    {
        await using var sink = await ConnectorSink.StartAsync();
        var credentials = new RecordingCredentialsFactory();
        await using var host = await RunningBotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["ToChannelFromBotOAuthScope"] = Scope,
                ["ToChannelFromBotLoginUrl"] = LoginUrl,
                ["OAuthUrl"] = "https://token.itpbot.test/",
                ["Delivery:ReuseConnectorClients"] = reuse ? "true" : "false",
            },
            builder => builder.Services.AddSingleton<ServiceClientCredentialsFactory>(credentials));
        var adapter = host.Services.GetRequiredService<CloudAdapter>();

        for (var turn = 0; turn < 3; turn++)
        {
            await adapter.ContinueConversationAsync(AppId, Continuation(sink.ServiceUrl), (context, ct) =>
                context.SendActivityAsync($"note {turn}", cancellationToken: ct), CancellationToken.None);

            var posted = await sink.NextAsync();
            Assert.Equal($"note {turn}", posted.Activity.Text);
            Assert.Equal($"Bearer {RecordingCredentials.TokenFor(AppId, Scope, LoginUrl)}", posted.Authorization);
        }

        // Which credential signed which reply: on the pooled path one credential (and its token cache) signs them
        // all; the SDK path builds a fresh one for every turn.
        var signers = credentials.Created.Where(c => c.Signed > 0).Select(c => c.Signed).ToList();
        Assert.Equal(reuse ? [3] : [1, 1, 1], signers);
    }

    private static Activity Continuation(string serviceUrl) => new ConversationReference
    {
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount(id: "conv-authenticated"),
        Bot = new ChannelAccount("28:" + AppId, "ItpBot"),
        User = new ChannelAccount("29:user", "Clinician"),
    }.GetContinuationActivity();

    private sealed class RecordingCredentialsFactory : ServiceClientCredentialsFactory
    {
        private readonly ConcurrentQueue<RecordingCredentials> _created = new();

        public IReadOnlyCollection<RecordingCredentials> Created => _created;

        public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) => Task.FromResult(appId == AppId);

        public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) => Task.FromResult(false);

        public override Task<ServiceClientCredentials> CreateCredentialsAsync(string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken)
        {
            if (appId != AppId)
            {
                throw new InvalidOperationException("The SDK asked for credentials of an unexpected app.");
            }

            var credentials = new RecordingCredentials(appId, audience, loginEndpoint);
            _created.Enqueue(credentials);
            return Task.FromResult<ServiceClientCredentials>(credentials);
        }
    }

    private sealed class RecordingCredentials(string appId, string audience, string loginEndpoint) : ServiceClientCredentials
    {
        private int _signed;

        public int Signed => Volatile.Read(ref _signed);

        public static string TokenFor(string appId, string audience, string loginEndpoint) =>
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{appId}|{audience}|{loginEndpoint}"));

        public override Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _signed);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(appId, audience, loginEndpoint));
            return Task.CompletedTask;
        }
    }
}
