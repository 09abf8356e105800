using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ItpBot.Delivery;

/// <summary>
/// The only facts about a reply that may be logged: never its text (health data), never the raw conversation id
/// (it links a clinician to a case), only a short hash of it.
/// </summary>
internal static class ReplyLogFields
{
    private const string ConversationsSegment = "/v3/conversations/";

    /// <summary>First 12 hex digits of SHA-256 of the conversation id in a Bot Connector URL; "-" when there is none.</summary>
    public static string ConversationHash(Uri? requestUri)
    {
        var path = requestUri?.AbsolutePath ?? string.Empty;
        var start = path.IndexOf(ConversationsSegment, StringComparison.Ordinal);
        if (start < 0)
        {
            return "-";
        }

        var rest = path[(start + ConversationsSegment.Length)..];
        var end = rest.IndexOf('/');
        var conversationId = Uri.UnescapeDataString(end < 0 ? rest : rest[..end]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)))[..12];
    }

    /// <summary>The activity's <c>type</c>, read from the request body; nothing else of the body is looked at.</summary>
    public static async Task<string> ActivityTypeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            return "-";
        }

        try
        {
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String
                && type.GetString() is { Length: > 0 and <= 40 } value
                && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_')
                    ? value
                    : "unknown";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ObjectDisposedException)
        {
            return "unknown";
        }
    }

    /// <summary>A status code, or the kind of failure when there was no response.</summary>
    public static string Outcome(HttpResponseMessage? response, Exception? exception) =>
        response is not null ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : exception?.GetType().Name ?? "unknown";
}
