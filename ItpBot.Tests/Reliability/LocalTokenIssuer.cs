using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ItpBot.Tests.Reliability;

/// <summary>
/// Plays the Bot Connector's token service on loopback: an OpenID metadata document and a JWKS (with the Bot Framework's
/// per-key channel endorsements) for a local RSA key, and tokens signed with it.
/// </summary>
public sealed class LocalTokenIssuer : IAsyncDisposable
{
    public const string Issuer = "https://itpbot-tests.invalid/issuer";
    public const string KeyId = "itpbot-test-key";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);

    private static readonly HttpClient PlainHttp = new();

    private LocalTokenIssuer(WebApplication app) => _app = app;

    public string MetadataUrl { get; private set; } = string.Empty;

    public int MetadataRequests;

    /// <summary>
    /// The SDK fetches OpenID metadata through a static HttpClient and demands HTTPS, which a loopback test server
    /// without a trusted certificate cannot offer. So the SDK's own per-URL metadata cache (JwtTokenExtractor's) is
    /// given, for this URL, the same ConfigurationManager it would build, except that it may fetch over plain HTTP.
    /// Everything after the fetch (keys, endorsements, issuer, audience, lifetime, serviceurl) is the SDK's own code.
    /// </summary>
    public static void AllowPlainHttpMetadata(string metadataUrl)
    {
        var cache = (ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>>)typeof(JwtTokenExtractor)
            .GetField("_openIdMetadataCache", BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null)!;
        cache[metadataUrl] = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(PlainHttp) { RequireHttps = false });
    }

    public static async Task<LocalTokenIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new LocalTokenIssuer(app);
        app.MapGet("/.well-known/openid-configuration", (HttpContext http) =>
        {
            Interlocked.Increment(ref issuer.MetadataRequests);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = $"{http.Request.Scheme}://{http.Request.Host}/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            });
        });
        app.MapGet("/keys", () =>
        {
            var parameters = issuer._key.ExportParameters(false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                        ["endorsements"] = new[] { "emulator", "msteams", "webchat", "directline" },
                    },
                },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer.MetadataUrl = address.TrimEnd('/') + "/.well-known/openid-configuration";
        AllowPlainHttpMetadata(issuer.MetadataUrl);
        return issuer;
    }

    /// <summary>A channel token as the Bot Connector sends it; each parameter can be made wrong.</summary>
    public string Token(
        string audience,
        string serviceUrl,
        string issuer = Issuer,
        DateTime? expires = null,
        RSA? signWith = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-1),
            NotBefore = expiry.AddHours(-1),
            Expires = expiry,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signWith ?? _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }
}
