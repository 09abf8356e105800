namespace ItpBot.Storage;

/// <summary>
/// State documents as one file per key in a folder: survives restarts on a single machine without Azure. Files are
/// replaced by atomic rename, so a crash leaves the old or the new version, never half of one. The ETag is the first
/// line of the file. Conditions are checked under a lock held by this process: one host process per folder.
/// </summary>
public sealed class FileDocumentStore : IStateDocumentStore, ISweepableDocumentStore
{
    private readonly string _directory;
    private readonly SemaphoreSlim _lock = new(1, 1);

    public FileDocumentStore(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    public Task<StateDocument?> ReadAsync(string key, CancellationToken cancellationToken) => ReadFileAsync(PathFor(key), cancellationToken);

    public async Task<string> WriteAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var current = await ReadAsync(key, cancellationToken);
            if (!condition.HoldsFor(current?.ETag))
            {
                throw new StateConflictException(key);
            }

            var eTag = Guid.NewGuid().ToString("N");
            var path = PathFor(key);
            var temporary = path + "." + eTag + ".tmp";
            await File.WriteAllTextAsync(temporary, eTag + "\n" + json, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return eTag;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (ifMatch is null || (await ReadAsync(key, cancellationToken))?.ETag == ifMatch)
            {
                File.Delete(PathFor(key));
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<int> SweepAsync(Func<string?, string, bool> isExpired, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(_directory, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var key = name.StartsWith(StorageKeys.HashedPrefix, StringComparison.Ordinal) ? null : Uri.UnescapeDataString(name);
            var document = await ReadFileAsync(path, cancellationToken);
            if (document is null || !isExpired(key, document.Json))
            {
                continue;
            }

            await _lock.WaitAsync(cancellationToken);
            try
            {
                // Only the version that was judged: one written since is kept.
                if ((await ReadFileAsync(path, cancellationToken))?.ETag == document.ETag)
                {
                    File.Delete(path);
                    deleted++;
                }
            }
            finally
            {
                _lock.Release();
            }
        }

        // A process killed between writing a temporary file and renaming it leaves the file behind, health data included.
        foreach (var temporary in Directory.EnumerateFiles(_directory, "*.tmp"))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(temporary) > AbandonedAfter)
            {
                File.Delete(temporary);
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>A temporary file older than this belongs to no write in progress.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private static async Task<StateDocument?> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var content = await File.ReadAllTextAsync(path, cancellationToken);
            var newline = content.IndexOf('\n');
            return newline < 0 ? null : new StateDocument(content[(newline + 1)..], content[..newline]);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private string PathFor(string key) => Path.Combine(_directory, StorageKeys.ToName(key) + ".json");
}
