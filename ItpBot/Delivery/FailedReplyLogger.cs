using Polly.Timeout;

namespace ItpBot.Delivery;

/// <summary>
/// Outermost handler of the delivery HttpClient: sees the result after all retries and logs a reply that could not
/// be delivered, with activity type, outcome and conversation hash only.
/// </summary>
internal sealed class FailedReplyLogger(ILogger<FailedReplyLogger> logger, DeliveryMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await LogAsync(request, null, e).ConfigureAwait(false);
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            await LogAsync(request, response, null).ConfigureAwait(false);
        }

        return response;
    }

    private async Task LogAsync(HttpRequestMessage request, HttpResponseMessage? response, Exception? exception)
    {
        metrics.Undelivered(ReplyLogFields.Outcome(response, exception));
        if (!logger.IsEnabled(LogLevel.Error))
        {
            return;
        }

        // The exception is deliberately not attached: its message and data can carry the request.
        logger.LogError(
            "Reply not delivered: activity type {ActivityType}, outcome {Outcome}, conversation {ConversationHash}",
            await ReplyLogFields.ActivityTypeAsync(request, CancellationToken.None).ConfigureAwait(false),
            ReplyLogFields.Outcome(response, exception),
            ReplyLogFields.ConversationHash(request.RequestUri));
    }
}
