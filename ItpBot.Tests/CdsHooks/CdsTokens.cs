using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ItpBot.Tests.CdsHooks;

/// <summary>Plays the EHR's signing side: a local key, its JWK Set, and CDS Hooks JWTs whose every claim can be made wrong.</summary>
public sealed class CdsTokens : IDisposable
{
    public const string Issuer = "https://ehr.itpbot-tests.invalid/";
    public const string KeyId = "ehr-test-key";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP384);

    /// <summary>The public JWK Set, as the EHR publishes it.</summary>
    public string Jwks
    {
        get
        {
            var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(_key) { KeyId = KeyId });
            return JsonSerializer.Serialize(new
            {
                keys = new[] { new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, kid = KeyId, use = "sig", alg = "ES384" } },
            });
        }
    }

    public string Token(
        string audience,
        string issuer = Issuer,
        DateTime? expires = null,
        string? jti = null,
        bool withJti = true,
        SigningCredentials? signWith = null,
        IDictionary<string, object>? header = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(5);
        var claims = new Dictionary<string, object> { ["iat"] = EpochTime.GetIntDate(expiry.AddMinutes(-5)) };
        if (withJti) claims["jti"] = jti ?? Guid.NewGuid().ToString();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Expires = expiry,
            NotBefore = expiry.AddMinutes(-10),
            IssuedAt = expiry.AddMinutes(-5),
            Claims = claims,
            AdditionalHeaderClaims = header,
            SigningCredentials = signWith ?? new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha384),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose() => _key.Dispose();
}
