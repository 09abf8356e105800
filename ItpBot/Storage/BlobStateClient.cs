using Azure.Core;
using Azure.Storage.Blobs;

namespace ItpBot.Storage;

/// <summary>
/// The blob container client for state, with retries and network timeouts that fit inside a turn, whether it is
/// reached with a connection string or a managed identity.
/// </summary>
public static class BlobStateClient
{
    /// <summary>
    /// The client options for state calls. The SDK's defaults (3 retries from 0.8 s, 100 s per try) let one call outlast
    /// the turn: its budget would cancel the turn first and the user would hear "that took me too long" instead of
    /// "could not reach my storage", so start-up refuses settings whose worst call does not leave a quarter of the turn.
    /// </summary>
    public static BlobClientOptions Options(BlobStorageSettings settings, TimeSpan turnTimeout)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MaxRetries < 0 || settings.NetworkTimeout <= TimeSpan.Zero || settings.RetryDelay < TimeSpan.Zero)
        {
            throw new InvalidOperationException("Storage:Blob:MaxRetries must be 0 or more, NetworkTimeout above zero and RetryDelay not negative.");
        }

        if (turnTimeout > TimeSpan.Zero && turnTimeout != Timeout.InfiniteTimeSpan && settings.WorstCall > turnTimeout * 0.75)
        {
            throw new InvalidOperationException(
                $"Storage:Blob retries can take {settings.WorstCall.TotalSeconds:0.#} s per call ((MaxRetries + 1) x NetworkTimeout plus delays), " +
                $"more than three quarters of Bot:TurnTimeout ({turnTimeout.TotalSeconds:0.#} s): lower MaxRetries or NetworkTimeout.");
        }

        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = settings.MaxRetries;
        options.Retry.Delay = settings.RetryDelay;
        options.Retry.MaxDelay = settings.MaxRetryDelay;
        options.Retry.NetworkTimeout = settings.NetworkTimeout;
        return options;
    }

    public static BlobContainerClient FromConnectionString(BlobStorageSettings settings, TimeSpan turnTimeout) =>
        new(settings.ConnectionString, settings.Container, Options(settings, turnTimeout));

    public static BlobContainerClient FromIdentity(Uri containerUri, TokenCredential credential, BlobStorageSettings settings, TimeSpan turnTimeout) =>
        new(containerUri, credential, Options(settings, turnTimeout));
}
