namespace ItpBot.Storage;

/// <summary>
/// Where serialised state documents live (memory, files, blobs). It knows keys, JSON text and ETags, nothing about
/// Bot Framework types: <see cref="DocumentStorage"/> does serialisation, ETag mapping and expiry once for every kind.
/// </summary>
public interface IStateDocumentStore
{
    Task<StateDocument?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes the document and returns its new ETag.</summary>
    /// <exception cref="StateConflictException">The condition does not hold (HTTP 412 / 409 for blobs).</exception>
    Task<string> WriteAsync(string key, string json, WriteCondition condition, CancellationToken cancellationToken);

    /// <summary>Deletes the document; with <paramref name="ifMatch"/> only if it is still that version. Missing is fine.</summary>
    Task DeleteAsync(string key, string? ifMatch, CancellationToken cancellationToken);
}

public sealed record StateDocument(string Json, string ETag);

/// <summary>The precondition of a write, as HTTP has them: none, If-Match, or If-None-Match: *.</summary>
public readonly record struct WriteCondition(WriteConditionKind Kind, string? ETag = null)
{
    public static WriteCondition None => new(WriteConditionKind.None);

    public static WriteCondition IfNotExists => new(WriteConditionKind.IfNotExists);

    public static WriteCondition IfMatch(string eTag) => new(WriteConditionKind.IfMatch, eTag);

    public bool HoldsFor(string? currentETag) => Kind switch
    {
        WriteConditionKind.IfMatch => currentETag == ETag,
        WriteConditionKind.IfNotExists => currentETag is null,
        _ => true,
    };
}

public enum WriteConditionKind
{
    None,
    IfMatch,
    IfNotExists,
}
