using System.Runtime.CompilerServices;
using System.Text;
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
        var read = await Outage("read state", () => Task.WhenAll(keys.Distinct().Select(key => ReadOneAsync(key, cancellationToken))));
        return read.Where(item => item.Value is not null).ToDictionary(item => item.Key, item => item.Value!);
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await Outage("write state", async () =>
        {
            await Task.WhenAll(changes.Select(change => WriteOneAsync(change.Key, change.Value, cancellationToken)));
            return true;
        });
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await Outage("delete state", async () =>
        {
            await Task.WhenAll(keys.Distinct().Select(key => store.DeleteAsync(key, null, cancellationToken)));
            return true;
        });
    }

    /// <summary>Runs a store operation; a failure of the store itself becomes a <see cref="StorageUnavailableException"/>.</summary>
    private static async Task<T> Outage<T>(string operation, Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (StorageUnavailableException.IsOutage(e))
        {
            throw new StorageUnavailableException(operation, e);
        }
    }

    private async Task<KeyValuePair<string, object?>> ReadOneAsync(string key, CancellationToken cancellationToken)
    {
        var document = await store.ReadAsync(key, cancellationToken);
        if (document is null)
        {
            return new(key, null);
        }

        // BotState's dictionary as this build writes it is read in one pass straight into its saved types (no JToken
        // tree in between: this runs for every key every turn); other shapes through the envelope, as before.
        var start = StatePartStart(document.Json);
        DateTimeOffset savedAt;
        object? value;
        if (start is { } at && StateJson.ReadPlainDocument(document.Json, at) is { } plain)
        {
            (savedAt, value) = plain;
        }
        else
        {
            var envelope = StateJson.Read<Envelope>(document.Json);
            savedAt = envelope.SavedAt;

            // Written without type names, BotState's dictionary reads back as a JSON object; with them (older documents), typed.
            value = envelope.State is JObject written ? StateJson.ToState(written) : envelope.State;
        }

        if (clock.GetUtcNow() - savedAt > TimeToLive(key))
        {
            // Deleting lets a fresh conversation be created (it is written "only if missing") and keeps no stale health data.
            await store.DeleteAsync(key, document.ETag, cancellationToken);
            return new(key, null);
        }

        if (value is IDictionary<string, object> state && start is { } stateStart)
        {
            _asRead.AddOrUpdate(state, new WrittenState(document.Json, stateStart, savedAt));
        }

        SetETag(value, document.ETag);
        return new(key, value);
    }

    private async Task WriteOneAsync(string key, object? value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value, key);
        var condition = ConditionFor(value);
        string document;
        if (value is IDictionary<string, object> state)
        {
            // BotState saves its dictionary at the end of every turn, changed or not: a document that would come out
            // the same as the one read (or last written) is not written again, unless it is getting old.
            var now = clock.GetUtcNow();
            var stateJson = SerializeState(state);
            if (_asRead.TryGetValue(state, out var previous) && SameText(previous.StatePart, stateJson)
                && now - previous.SavedAt < TimeToLive(key) / 4)
            {
                return;
            }

            document = Document(now, stateJson);
            _asRead.AddOrUpdate(state, new WrittenState(document, document.Length - stateJson.Length - 1, now));
        }
        else
        {
            document = Serialize(value);
        }

        var newETag = await store.WriteAsync(key, document, condition, cancellationToken);

        // BotState hashes its dictionary after the write returns, so the next save in the same turn carries this ETag.
        SetETag(value, newETag);
    }

    /// <summary>
    /// BotState's dictionary (every turn) as the document's state part, its ETag entry set aside meanwhile (the ETag is
    /// the store's, not part of the document), written directly rather than through a JToken tree.
    /// </summary>
    /// <remarks>
    /// Written into this thread's buffer, not a string: most saves find the document unchanged and stop there. The
    /// buffer is used only until <see cref="Document"/> copies it, before the write is awaited.
    /// </remarks>
    private static StringBuilder SerializeState(IDictionary<string, object> state)
    {
        var hadETag = state.Remove(ETagKey, out var eTag);
        try
        {
            var buffer = t_stateBuffer ??= new StringBuilder(4096);
            buffer.Clear();
            StateJson.WriteTo(buffer, state);
            return buffer;
        }
        finally
        {
            if (hadETag) state[ETagKey] = eTag!;
        }
    }

    // The shape Newtonsoft gives an Envelope, built around the state part so that part can be compared with what was read.
    private const string SavedAtPrefix = "{\"SavedAt\":";
    private const string StatePrefix = ",\"State\":";

    [ThreadStatic]
    private static StringBuilder? t_stateBuffer;

    private static string Document(DateTimeOffset savedAt, StringBuilder stateJson)
    {
        var savedAtJson = JsonConvert.ToString(savedAt);
        return string.Create(
            SavedAtPrefix.Length + savedAtJson.Length + StatePrefix.Length + stateJson.Length + 1,
            (savedAtJson, stateJson),
            static (text, parts) =>
            {
                SavedAtPrefix.CopyTo(text);
                text = text[SavedAtPrefix.Length..];
                parts.savedAtJson.CopyTo(text);
                text = text[parts.savedAtJson.Length..];
                StatePrefix.CopyTo(text);
                text = text[StatePrefix.Length..];
                parts.stateJson.CopyTo(0, text, parts.stateJson.Length);
                text[^1] = '}';
            });
    }

    private static bool SameText(ReadOnlySpan<char> text, StringBuilder buffer)
    {
        if (text.Length != buffer.Length)
        {
            return false;
        }

        foreach (var chunk in buffer.GetChunks())
        {
            if (!text.StartsWith(chunk.Span, StringComparison.Ordinal))
            {
                return false;
            }

            text = text[chunk.Length..];
        }

        return true;
    }

    /// <summary>Where the state part of a document in that shape starts; null for other shapes (older documents), which are simply rewritten.</summary>
    private static int? StatePartStart(string document)
    {
        if (!document.StartsWith(SavedAtPrefix, StringComparison.Ordinal) || !document.EndsWith('}'))
        {
            return null;
        }

        var start = document.IndexOf(StatePrefix, StringComparison.Ordinal);
        return start < 0 ? null : start + StatePrefix.Length;
    }

    /// <summary>The document for a value that is not BotState's dictionary (an IStoreItem, a JObject, ...).</summary>
    private string Serialize(object value)
    {
        // Declared as object, so the item's own type name is written at its root and it reads back as that type.
        using var tree = new JTokenWriter();
        StateJson.Serializer.Serialize(tree, value, typeof(object));
        var json = tree.Token!;
        if (json is JObject item)
        {
            item.Remove(ETagKey);
        }

        return JsonConvert.SerializeObject(new Envelope(clock.GetUtcNow(), json), StateJson.Settings);
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

    private readonly ConditionalWeakTable<IDictionary<string, object>, WrittenState> _asRead = new();

    /// <summary>The document as read or written; its state part runs from <paramref name="StateStart"/> to the closing brace.</summary>
    private sealed record WrittenState(string Document, int StateStart, DateTimeOffset SavedAt)
    {
        public ReadOnlySpan<char> StatePart => Document.AsSpan(StateStart, Document.Length - StateStart - 1);
    }

    // State is typed object: a document with type names (written before they were dropped, or an IStoreItem) reads back
    // as the type it names; one without reads as a JObject, which ReadOneAsync turns into BotState's dictionary.
    private sealed record Envelope(DateTimeOffset SavedAt, object? State);
}
