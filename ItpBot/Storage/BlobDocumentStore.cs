using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ItpBot.Storage;

/// <summary>
/// State documents as block blobs in one container, shared by every host instance. Conditions are the blob service's
/// own (If-Match, If-None-Match: *), so concurrent writers on different machines cannot overwrite each other.
/// </summary>
public sealed class BlobDocumentStore(BlobContainerClient container) : IStateDocumentStore
{
    private volatile bool _containerExists;

    public Task<StateDocument?> ReadAsync(string key, CancellationToken cancellationToken) =>
        AnsweredAsync(() => ReadOnceAsync(key, cancellationToken), cancellationToken);

    public Task<string> WriteAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken) =>
        AnsweredAsync(() => WriteOnceAsync(key, json, condition, cancellationToken), cancellationToken);

    public Task DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken) =>
        AnsweredAsync(
            async () =>
            {
                await DeleteOnceAsync(key, ifMatch, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// A call whose tries all ran out of network time ends in the SDK's cancellation (alone or gathered with the other
    /// tries' errors) although the turn did not cancel it: that is the service not answering, an outage, and is
    /// reported as a <see cref="TimeoutException"/> so the user hears "could not reach my storage".
    /// </summary>
    private static async Task<T> AnsweredAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && RanOutOfTime(e))
        {
            throw new TimeoutException("The blob service did not answer within its network timeout.", e);
        }
    }

    private static bool RanOutOfTime(Exception e) =>
        e is OperationCanceledException || (e is AggregateException all && all.InnerExceptions.Any(RanOutOfTime));

    private async Task<StateDocument?> ReadOnceAsync(string key, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var download = await Blob(key).DownloadContentAsync(cancellationToken);
            return new StateDocument(download.Value.Content.ToString(), download.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task<string> WriteOnceAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Conditions = condition.Kind switch
            {
                WriteConditionKind.IfMatch => new BlobRequestConditions { IfMatch = new ETag(condition.ETag!) },
                WriteConditionKind.IfNotExists => new BlobRequestConditions { IfNoneMatch = ETag.All },
                _ => null,
            },
        };
        try
        {
            var uploaded = await Blob(key).UploadAsync(BinaryData.FromString(json), options, cancellationToken);
            return uploaded.Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 412 or 409)
        {
            // The SDK retries an upload whose answer was lost (a network timeout after the service had stored it); the
            // retry then fails its own condition. A document that is now exactly ours (it carries its save time) was
            // our write, not someone else's: the turn must not run again and count its answer twice.
            if (await ReadOnceAsync(key, cancellationToken) is { } stored && string.Equals(stored.Json, json, StringComparison.Ordinal))
            {
                return stored.ETag;
            }

            throw new StateConflictException(key, e);
        }
    }

    private async Task DeleteOnceAsync(string key, string? ifMatch, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            await Blob(key).DeleteIfExistsAsync(
                DeleteSnapshotsOption.IncludeSnapshots,
                ifMatch is null ? null : new BlobRequestConditions { IfMatch = new ETag(ifMatch) },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Someone saved a newer version since it was read: that one stays.
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_containerExists)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _containerExists = true;
        }
    }

    private BlobClient Blob(string key) => container.GetBlobClient(StorageKeys.ToName(key));
}
