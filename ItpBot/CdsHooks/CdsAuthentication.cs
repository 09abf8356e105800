using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ItpBot.CdsHooks;

/// <summary>The outcome of checking a call's JWT: allowed, or refused with a reason that names no token content.</summary>
public sealed record CdsAuthResult(bool Allowed, string? Reason = null)
{
    public static readonly CdsAuthResult Ok = new(true);
    public static CdsAuthResult Refused(string reason) => new(false, reason);
}

/// <summary>
/// Checks the EHR's bearer JWT as CDS Hooks 2.0 requires: signed with an asymmetric key of a trusted issuer (keys from
/// its configured JWKS URL or JWK Set), <c>iss</c> trusted, <c>aud</c> the endpoint being called, <c>exp</c> and
/// <c>iat</c> present and current, <c>jti</c> present and not seen before, <c>jku</c> (if sent) the issuer's own.
/// </summary>
public sealed class CdsAuthentication(IOptions<CdsHooksOptions> options, IHttpClientFactory httpClients, TimeProvider time)
{
    public const string HttpClientName = "ItpBot.CdsHooks.Jwks";

    // The specification forbids "none" and symmetric (HMAC) algorithms.
    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    ];

    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seenJti = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (IReadOnlyList<SecurityKey> Keys, DateTimeOffset Fetched)> _jwks = new(StringComparer.Ordinal);

    /// <summary>True when this host accepts unauthenticated calls (the Development switch).</summary>
    public bool Disabled { get; init; }

    public async Task<CdsAuthResult> CheckAsync(HttpRequest request, IReadOnlyCollection<string> audiences, CancellationToken cancellationToken)
    {
        if (Disabled) return CdsAuthResult.Ok;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return CdsAuthResult.Refused("no bearer token");
        var raw = header["Bearer ".Length..].Trim();

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return CdsAuthResult.Refused("malformed token");
        }

        var issuer = options.Value.Authentication.TrustedIssuers.FirstOrDefault(i => i.Issuer == token.Issuer);
        if (issuer is null) return CdsAuthResult.Refused("untrusted issuer");
        if (token.TryGetHeaderValue<string>("jku", out var jku) && jku != issuer.JwksUrl) return CdsAuthResult.Refused("jku not allowed");
        if (!token.TryGetPayloadValue<string>("jti", out var jti) || string.IsNullOrEmpty(jti)) return CdsAuthResult.Refused("no jti");
        if (!token.TryGetPayloadValue<long>("iat", out _)) return CdsAuthResult.Refused("no iat");

        var keys = await KeysAsync(issuer, cancellationToken);
        if (keys.Count == 0) return CdsAuthResult.Refused("issuer keys unavailable");

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudiences = audiences,
            IssuerSigningKeys = keys,
            ValidAlgorithms = AsymmetricAlgorithms,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
            ClockSkew = options.Value.Authentication.ClockSkew,
            TryAllIssuerSigningKeys = true,
        };
        var result = await _handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid) return CdsAuthResult.Refused(result.Exception?.GetType().Name ?? "invalid token");

        // A replayed token is refused until its own expiry; the cache forgets it after.
        var now = time.GetUtcNow();
        foreach (var (seen, until) in _seenJti)
            if (until < now) _seenJti.TryRemove(seen, out _);
        var expires = new DateTimeOffset(token.ValidTo, TimeSpan.Zero) + options.Value.Authentication.ClockSkew;
        return _seenJti.TryAdd($"{issuer.Issuer}\n{jti}", expires) ? CdsAuthResult.Ok : CdsAuthResult.Refused("jti replayed");
    }

    private async Task<IReadOnlyList<SecurityKey>> KeysAsync(TrustedIssuer issuer, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(issuer.Jwks)) return new JsonWebKeySet(issuer.Jwks).GetSigningKeys().ToList();
        if (string.IsNullOrWhiteSpace(issuer.JwksUrl) || !Uri.TryCreate(issuer.JwksUrl, UriKind.Absolute, out var url)) return [];
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)) return [];

        var now = time.GetUtcNow();
        if (_jwks.TryGetValue(issuer.JwksUrl, out var cached) && now - cached.Fetched < options.Value.Authentication.JwksRefreshInterval)
            return cached.Keys;
        try
        {
            var json = await httpClients.CreateClient(HttpClientName).GetStringAsync(url, cancellationToken);
            var keys = new JsonWebKeySet(json).GetSigningKeys().ToList();
            _jwks[issuer.JwksUrl] = (keys, now);
            return keys;
        }
        catch (Exception e) when (e is HttpRequestException or ArgumentException or TaskCanceledException)
        {
            // Keep using the last keys while the EHR's key server is down.
            return cached.Keys ?? [];
        }
    }
}
