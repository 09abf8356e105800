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

    public async Task<StateDocument?> ReadAsync(string key, CancellationToken cancellationToken)
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

    public async Task<string> WriteAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken)
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
            throw new StateConflictException(key, e);
        }
    }

    public async Task DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken)
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
