namespace ItpBot.Storage;

/// <summary>
/// State could not be read, written or deleted because the store did not answer (blob service down, disk full, file
/// locked), as opposed to a conflict or a bug. The turn cannot be trusted to have been recorded, and nothing was
/// reset: the user is asked to try again shortly.
/// </summary>
public sealed class StorageUnavailableException(string operation, Exception cause)
    : Exception($"State storage unavailable while trying to {operation} ({cause.GetType().Name}).", cause)
{
    /// <summary>Failures of the store itself, whatever its kind; not conflicts, cancellations or unreadable documents.</summary>
    public static bool IsOutage(Exception e) => e switch
    {
        StateConflictException or StorageUnavailableException or OperationCanceledException => false,
        IOException or UnauthorizedAccessException or TimeoutException or HttpRequestException
            or System.Net.Sockets.SocketException or Azure.RequestFailedException => true,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsOutage),
        _ => false,
    };
}
