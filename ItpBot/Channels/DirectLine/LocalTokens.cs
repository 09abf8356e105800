using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ItpBot.Channels.DirectLine;

public enum TokenScope
{
    /// <summary>The REST calls of one conversation.</summary>
    Conversation,

    /// <summary>Opening that conversation's WebSocket stream (travels in a URL, so it is short-lived).</summary>
    Stream,
}

/// <summary>What a valid token allows: one conversation, as one user, until it expires.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, TokenScope Scope, DateTimeOffset ExpiresAt);

public sealed record IssuedToken(string Token, int ExpiresInSeconds);

/// <summary>
/// Signs and checks local Direct Line tokens (HMAC-SHA256 with a key made at start-up). Conversations live in memory,
/// so tokens that die with the process lose nothing.
/// </summary>
public sealed class LocalTokens(TimeProvider time, IOptions<DirectLineOptions> options)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public IssuedToken Issue(string conversationId, string userId, TokenScope scope = TokenScope.Conversation)
    {
        var lifetime = scope == TokenScope.Stream ? options.Value.StreamTokenLifetime : options.Value.TokenLifetime;
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes($"{scope}\n{conversationId}\n{userId}\n{expires}");
        var token = Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(_key, payload));
        return new IssuedToken(token, (int)lifetime.TotalSeconds);
    }

    /// <summary>The grant, or null for a forged, malformed or expired token.</summary>
    public DirectLineGrant? Read(string? token)
    {
        var dot = token?.IndexOf('.') ?? -1;
        if (token is null || dot <= 0)
        {
            return null;
        }

        byte[] payload, signature;
        try
        {
            payload = Convert.FromBase64String(FromBase64Url(token[..dot]));
            signature = Convert.FromBase64String(FromBase64Url(token[(dot + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('\n');
        if (parts.Length != 4 || !Enum.TryParse<TokenScope>(parts[0], out var scope) || !long.TryParse(parts[3], out var expiresUnix))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresUnix);
        return expires <= time.GetUtcNow() ? null : new DirectLineGrant(parts[1], parts[2], scope, expires);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return padded + new string('=', (4 - padded.Length % 4) % 4);
    }
}
