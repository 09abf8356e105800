using Newtonsoft.Json;

namespace ItpBot.Storage;

/// <summary>A store that can look through all its documents and delete the expired ones (memory and file stores).</summary>
public interface ISweepableDocumentStore
{
    /// <summary>
    /// Deletes every document for which <paramref name="isExpired"/> (key, or null when the store cannot tell it; and
    /// the document's JSON) is true, unless it was written again meanwhile. Returns how many were deleted.
    /// </summary>
    Task<int> SweepAsync(Func<string?, string, bool> isExpired, CancellationToken cancellationToken);
}

/// <summary>
/// Deletes expired state in the background (every <see cref="StorageSettings.SweepInterval"/>), so health data of
/// conversations that never come back does not stay in memory or on disk. Reading still treats expired state as
/// missing; this removes what is never read again. Blob containers use a lifecycle rule instead.
/// </summary>
public sealed class StateSweeper(IStateDocumentStore store, StorageSettings settings, TimeProvider clock, ILogger<StateSweeper> logger) : BackgroundService
{
    /// <summary>One pass; returns how many documents were deleted (0 for stores that cannot be swept).</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        if (store is not ISweepableDocumentStore sweepable)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        return await sweepable.SweepAsync((key, json) => IsExpired(key, json, settings, now), cancellationToken);
    }

    /// <summary>
    /// Whether a stored document is older than its time to live. A key the store cannot tell (a hashed file name) gets
    /// the longer of the two TTLs, so nothing is deleted early; a document whose age cannot be read is kept.
    /// </summary>
    public static bool IsExpired(string? key, string json, StorageSettings settings, DateTimeOffset now)
    {
        var ttl = key is null ? Max(settings.ConversationTtl, settings.UserTtl)
            : key.Contains("/conversations/", StringComparison.Ordinal) ? settings.ConversationTtl
            : settings.UserTtl;
        return SavedAt(json) is { } savedAt && now - savedAt > ttl;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not ISweepableDocumentStore || settings.SweepInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await SweepOnceAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} expired state documents", deleted);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Sweeping expired state failed ({ExceptionType}); trying again later", e.GetType().Name);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The document's SavedAt, read from its first property only.</summary>
    private static DateTimeOffset? SavedAt(string json)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.DateTimeOffset };
            return reader.Read() && reader.TokenType == JsonToken.StartObject
                   && reader.Read() && reader.TokenType == JsonToken.PropertyName && (string?)reader.Value == "SavedAt"
                   && reader.Read() && reader.Value is DateTimeOffset savedAt
                ? savedAt
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
