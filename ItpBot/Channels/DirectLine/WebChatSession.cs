namespace ItpBot.Channels.DirectLine;

/// <summary>
/// POST /api/directline/token: what the Web Chat page asks first. It answers which Direct Line to use (the host's own,
/// or Azure's) with a token for one new conversation; a configured secret stays on the server.
/// </summary>
public static class WebChatSession
{
    public const string Route = "/api/directline/token";

    /// <param name="Mode">"local" or "azure".</param>
    /// <param name="Domain">Azure's Direct Line address; null in local mode, where the page uses its own origin.</param>
    public sealed record Session(string Mode, string? Domain, string ConversationId, string UserId, string Token, int ExpiresIn);

    public static async Task<IResult> HandleAsync(
        IServiceProvider services, Microsoft.Extensions.Options.IOptions<DirectLineOptions> options, ILogger<AzureDirectLineTokens> logger, CancellationToken cancellationToken)
    {
        if (!options.Value.IsAzureMode)
        {
            var (conversationId, userId, token) = LocalDirectLine.NewSession(services.GetRequiredService<LocalTokens>());
            return Results.Json(new Session("local", null, conversationId, userId, token.Token, token.ExpiresInSeconds));
        }

        var azure = services.GetRequiredService<AzureDirectLineTokens>();
        var user = LocalConversations.NewAzureUserId();
        try
        {
            var token = await azure.GenerateAsync(user, cancellationToken);
            return Results.Json(new Session("azure", azure.Domain.ToString(), token.ConversationId, user, token.Token, token.ExpiresIn));
        }
        catch (HttpRequestException error)
        {
            logger.LogError("Could not get a Direct Line token from Azure: {Reason}", error.Message);
            return DirectLineJson.Error(StatusCodes.Status502BadGateway, "DirectLineUnavailable", "Could not start a Web Chat conversation.");
        }
    }
}
