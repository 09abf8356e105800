using System.Net;
using System.Security.Cryptography;
using System.Text;
using ItpBot.CdsHooks;
using ItpBot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.Tokens;

namespace ItpBot.Tests.CdsHooks;

/// <summary>The EHR's JWT, per CDS Hooks 2.0: locally signed tokens, good and bad, on every endpoint.</summary>
public sealed class CdsAuthenticationTests(CdsHost cds) : IClassFixture<CdsHost>
{
    private static readonly string Body = CdsRequests.PatientView(new FhirCase().Itp().Platelets(40).PrefetchJson());
    private string ServiceAudience => cds.Audience($"cds-services/{CdsServiceCatalog.PatientViewId}");

    [Fact]
    public async Task A_good_token_is_accepted_on_discovery_service_and_feedback()
    {
        using var discovery = await cds.GetDiscoveryAsync();
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        using var call = await cds.PostAsync(CdsServiceCatalog.PatientViewId, Body);
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        var feedbackPath = $"cds-services/{CdsServiceCatalog.PatientViewId}/feedback";
        using var feedback = await CdsHost.Send(cds.Host, HttpMethod.Post, feedbackPath,
            """{"feedback":[{"card":"4e0a3a1e-3283-4575-ab82-028d55fe2719","outcome":"overridden","outcomeTimestamp":"2026-12-06T10:05:31Z"}]}""",
            cds.Tokens.Token(cds.Audience(feedbackPath)));
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
    }

    public static TheoryData<string> BadTokens => new()
    {
        "none", "garbage", "wrong-audience", "discovery-audience", "wrong-issuer", "expired", "no-jti", "other-key", "hmac", "unsigned", "foreign-jku",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_or_missing_token_gets_401(string kind)
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var token = kind switch
        {
            "none" => null,
            "garbage" => "not.a.jwt",
            "wrong-audience" => cds.Tokens.Token("https://elsewhere.example/cds-services/itp-patient-view"),
            "discovery-audience" => cds.Tokens.Token(cds.Audience("cds-services")),
            "wrong-issuer" => cds.Tokens.Token(ServiceAudience, issuer: "https://impostor.example/"),
            "expired" => cds.Tokens.Token(ServiceAudience, expires: DateTime.UtcNow.AddMinutes(-10)),
            "no-jti" => cds.Tokens.Token(ServiceAudience, withJti: false),
            "other-key" => cds.Tokens.Token(ServiceAudience, signWith: new SigningCredentials(new ECDsaSecurityKey(otherKey) { KeyId = CdsTokens.KeyId }, SecurityAlgorithms.EcdsaSha384)),
            "hmac" => cds.Tokens.Token(ServiceAudience, signWith: new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)) { KeyId = CdsTokens.KeyId }, SecurityAlgorithms.HmacSha384)),
            "unsigned" => Unsigned(ServiceAudience),
            "foreign-jku" => cds.Tokens.Token(ServiceAudience, header: new Dictionary<string, object> { ["jku"] = "https://attacker.example/jwks" }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        using var response = await CdsHost.Send(cds.Host, HttpMethod.Post, $"cds-services/{CdsServiceCatalog.PatientViewId}", Body, token ?? null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("cards", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_replayed_token_is_refused()
    {
        var token = cds.Tokens.Token(ServiceAudience);
        using var first = await cds.PostAsync(CdsServiceCatalog.PatientViewId, Body, token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var replay = await cds.PostAsync(CdsServiceCatalog.PatientViewId, Body, token);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task Discovery_and_feedback_without_a_token_get_401()
    {
        using var discovery = await CdsHost.Send(cds.Host, HttpMethod.Get, "cds-services", null, null);
        Assert.Equal(HttpStatusCode.Unauthorized, discovery.StatusCode);
        using var feedback = await CdsHost.Send(cds.Host, HttpMethod.Post, $"cds-services/{CdsServiceCatalog.OrderCheckId}/feedback", """{"feedback":[]}""", null);
        Assert.Equal(HttpStatusCode.Unauthorized, feedback.StatusCode);
    }

    [Fact]
    public async Task Keys_are_fetched_from_the_issuers_jwks_url_and_jku_must_be_that_url()
    {
        using var tokens = new CdsTokens();
        await using var jwks = await JwksServer.StartAsync(tokens.Jwks);
        await using var host = await RunningBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["CdsHooks:Authentication:TrustedIssuers:0:Issuer"] = CdsTokens.Issuer,
            ["CdsHooks:Authentication:TrustedIssuers:0:JwksUrl"] = jwks.Url,
        });
        var audience = new Uri(host.BaseAddress, $"cds-services/{CdsServiceCatalog.PatientViewId}").ToString();

        using var plain = await CdsHost.Send(host, HttpMethod.Post, $"cds-services/{CdsServiceCatalog.PatientViewId}", Body, tokens.Token(audience));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        using var withJku = await CdsHost.Send(host, HttpMethod.Post, $"cds-services/{CdsServiceCatalog.PatientViewId}", Body,
            tokens.Token(audience, header: new Dictionary<string, object> { ["jku"] = jwks.Url }));
        Assert.Equal(HttpStatusCode.OK, withJku.StatusCode);
        Assert.True(jwks.Requests >= 1);
    }

    [Theory]
    [InlineData("Development", HttpStatusCode.OK)]
    [InlineData("Production", HttpStatusCode.Unauthorized)]
    public async Task The_development_switch_works_only_in_development(string environment, HttpStatusCode expected)
    {
        await using var host = await RunningBotHost.StartAsync(
            new Dictionary<string, string?> { ["CdsHooks:Authentication:Disabled"] = "true" },
            // RunningBotHost starts in Development; the switch reads IHostEnvironment, so that is what is replaced.
            builder => builder.Services.AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
            {
                EnvironmentName = environment,
                ApplicationName = builder.Environment.ApplicationName,
                ContentRootPath = builder.Environment.ContentRootPath,
                ContentRootFileProvider = builder.Environment.ContentRootFileProvider,
            }));
        using var response = await CdsHost.Send(host, HttpMethod.Post, $"cds-services/{CdsServiceCatalog.PatientViewId}", Body, null);
        Assert.Equal(expected, response.StatusCode);
    }

    private static string Unsigned(string audience)
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT"}""") + "." + Part($$"""{"iss":"{{CdsTokens.Issuer}}","aud":"{{audience}}","exp":{{exp}},"iat":{{exp - 300}},"jti":"{{Guid.NewGuid()}}"}""") + ".";
    }

    /// <summary>The EHR's JWK Set endpoint on loopback.</summary>
    private sealed class JwksServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private JwksServer(WebApplication app) => _app = app;

        public string Url { get; private set; } = string.Empty;
        public int Requests => _requests;

        public static async Task<JwksServer> StartAsync(string jwks)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new JwksServer(app);
            app.MapGet("/jwks", () =>
            {
                Interlocked.Increment(ref server._requests);
                return Results.Text(jwks, "application/json");
            });
            await app.StartAsync();
            server.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/jwks";
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
