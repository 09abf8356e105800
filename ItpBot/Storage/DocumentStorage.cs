using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ItpBot.Storage;

/// <summary>
/// The bot's <see cref="IStorage"/> for every storage kind. It serialises state, maps ETags to write conditions and
/// back, and forgets state older than its time to live (expired state reads as missing and is deleted).
/// </summary>
/// <remarks>
/// ETag semantics are the Bot Framework's: an <see cref="IStoreItem"/> with an ETag is written only over that version,
/// "*" or none overwrites. BotState saves a plain dictionary, which no SDK storage protects; here the dictionary carries
/// its ETag under <see cref="ETagKey"/>, and one without (state read as missing) is written only if still missing. So
/// two turns that read the same conversation state cannot both save it: the loser gets a
/// <see cref="StateConflictException"/>, and <see cref="StateConflictRetryMiddleware"/> runs its turn again.
/// </remarks>
public sealed class DocumentStorage(IStateDocumentStore store, StorageSettings settings, TimeProvider clock) : IStorage
{
    public const string ETagKey = "ETag";

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var read = await Task.WhenAll(keys.Distinct().Select(key => ReadOneAsync(key, cancellationToken)));
        return read.Where(item => item.Value is not null).ToDictionary(item => item.Key, item => item.Value!);
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await Task.WhenAll(changes.Select(change => WriteOneAsync(change.Key, change.Value, cancellationToken)));
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await Task.WhenAll(keys.Distinct().Select(key => store.DeleteAsync(key, null, cancellationToken)));
    }

    private async Task<KeyValuePair<string, object?>> ReadOneAsync(string key, CancellationToken cancellationToken)
    {
        var document = await store.ReadAsync(key, cancellationToken);
        if (document is null)
        {
            return new(key, null);
        }

        var envelope = JsonConvert.DeserializeObject<Envelope>(document.Json, StateJson.Settings)!;
        if (clock.GetUtcNow() - envelope.SavedAt > TimeToLive(key))
        {
            // Deleting lets a fresh conversation be created (it is written "only if missing") and keeps no stale health data.
            await store.DeleteAsync(key, document.ETag, cancellationToken);
            return new(key, null);
        }

        var value = envelope.State?.ToObject<object>(StateJson.Serializer);
        SetETag(value, document.ETag);
        return new(key, value);
    }

    private async Task WriteOneAsync(string key, object? value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value, key);
        var envelope = new Envelope(clock.GetUtcNow(), JToken.FromObject(value, StateJson.Serializer));
        if (envelope.State is JObject json)
        {
            // The ETag is the store's, not part of the document.
            json.Remove(ETagKey);
        }

        var newETag = await store.WriteAsync(key, JsonConvert.SerializeObject(envelope, StateJson.Settings), ConditionFor(value), cancellationToken);

        // BotState hashes its dictionary after the write returns, so the next save in the same turn carries this ETag.
        SetETag(value, newETag);
    }

    private TimeSpan TimeToLive(string key) =>
        key.Contains("/conversations/", StringComparison.Ordinal) ? settings.ConversationTtl : settings.UserTtl;

    private static WriteCondition ConditionFor(object value) => value switch
    {
        IStoreItem item => ConditionFor(item.ETag, missingMeansNew: false),
        IDictionary<string, object> state => ConditionFor(state.TryGetValue(ETagKey, out var eTag) ? eTag as string : null, missingMeansNew: true),
        JObject state => ConditionFor(state.Value<string>(ETagKey), missingMeansNew: true),
        _ => WriteCondition.None,
    };

    private static WriteCondition ConditionFor(string? eTag, bool missingMeansNew) => eTag switch
    {
        "*" => WriteCondition.None,
        null or "" => missingMeansNew ? WriteCondition.IfNotExists : WriteCondition.None,
        _ => WriteCondition.IfMatch(eTag),
    };

    private static void SetETag(object? value, string eTag)
    {
        switch (value)
        {
            case IStoreItem item:
                item.ETag = eTag;
                break;
            case IDictionary<string, object> state:
                state[ETagKey] = eTag;
                break;
            case JObject state:
                state[ETagKey] = eTag;
                break;
        }
    }

    private sealed record Envelope(DateTimeOffset SavedAt, JToken? State);
}
