using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ItpBot.Channels.DirectLine;

/// <summary>A Direct Line token for one conversation, as Azure's token service returns it.</summary>
public sealed record AzureDirectLineToken(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>
/// Azure mode: exchanges the configured Direct Line secret for a conversation token, server-side, so the secret never
/// reaches a browser.
/// </summary>
public sealed class AzureDirectLineTokens(HttpClient http, IOptions<DirectLineOptions> options)
{
    public Uri Domain => new(options.Value.AzureBaseUrl, "v3/directline");

    /// <summary>A token bound to the user id, so Azure Direct Line sends the bot the user's conversationUpdate at once (the welcome).</summary>
    public async Task<AzureDirectLineToken> GenerateAsync(string userId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.AzureBaseUrl, "v3/directline/tokens/generate"))
        {
            Content = JsonContent.Create(new { user = new { id = userId } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.Secret);

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Azure Direct Line refused the token request ({(int)response.StatusCode}).", null, response.StatusCode);
        }

        var token = await response.Content.ReadFromJsonAsync<AzureDirectLineToken>(cancellationToken);
        return token is { Token.Length: > 0 } ? token : throw new HttpRequestException("Azure Direct Line answered without a token.");
    }
}
