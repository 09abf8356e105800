using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;

namespace ItpBot.Storage;

/// <summary>
/// The SDK's BotState, with cheaper change tracking. BotState detects changes by serialising the whole state when it
/// loads it, again at every save and once more after each write: with the two saves of every turn here (the bot's,
/// then the scale-out middleware's), nine serialisations of state per turn. Here a save writes only if the state was
/// used through an accessor since the last save (a value read may have been changed in place), and
/// <see cref="DocumentStorage"/> skips a write whose document would not change. Everything else is the SDK's:
/// storage keys, the stored shape, ETags, the property accessors (so SDK code that calls
/// <see cref="BotState.CreateProperty{T}(string)"/>, such as the official Dialogs library, keeps working).
/// </summary>
/// <remarks>
/// The SDK keeps the turn's state in a private <c>CachedBotState</c> whose constructor hashes the state; it is built
/// here around an empty dictionary (a trivial hash) and then given the state read. If a future SDK renames that type,
/// <see cref="IsAvailable"/> is false and every call falls back to the SDK's own code: slower, never wrong.
/// </remarks>
internal sealed class TrackedState(BotState owner, IStorage storage, Func<ITurnContext, string> storageKey, bool recordsTurns = false)
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private static readonly Type? CachedBotStateType = typeof(BotState).GetNestedType("CachedBotState", BindingFlags.NonPublic | BindingFlags.Public);
    private static readonly ConstructorInfo? CachedBotStateConstructor = CachedBotStateType?.GetConstructor(Members, [typeof(IDictionary<string, object>)]);
    private static readonly PropertyInfo? StateProperty = CachedBotStateType?.GetProperty("State", Members);
    private static readonly FieldInfo? ContextServiceKeyField = typeof(BotState).GetField("_contextServiceKey", Members);

    private readonly ConditionalWeakTable<object, Usage> _usage = new();
    private readonly string? _turnStateKey = ContextServiceKeyField?.GetValue(owner) as string;

    /// <summary>Whether the SDK's internals are as expected, so the cheaper tracking is in use.</summary>
    public static bool IsAvailable => CachedBotStateConstructor is not null && StateProperty?.SetMethod is not null && ContextServiceKeyField is not null;

    public bool IsActive => IsAvailable && _turnStateKey is not null;

    /// <returns>Null when the SDK's own code must run instead (so for the three methods below).</returns>
    public Task? LoadAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken) =>
        IsActive ? LoadTrackedAsync(turnContext, force, cancellationToken) : null;

    public Task? SaveAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken) =>
        IsActive ? SaveTrackedAsync(turnContext, force, cancellationToken) : null;

    public Task? ClearAsync(ITurnContext turnContext)
    {
        if (!IsActive)
        {
            return null;
        }

        Clear(turnContext);
        return Task.CompletedTask;
    }

    private async Task LoadTrackedAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        // Every accessor call loads first: that is where use is noticed.
        if (!force && turnContext.TurnState.Get<object>(_turnStateKey!) is { } cached)
        {
            _usage.GetOrCreateValue(cached).Used = true;
            return;
        }

        var key = storageKey(turnContext);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        var state = items.TryGetValue(key, out var value) && value is IDictionary<string, object> stored
            ? stored
            : new Dictionary<string, object>();
        Cache(turnContext, state);
    }

    private async Task SaveTrackedAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<object>(_turnStateKey!) is not { } cached
            || !_usage.TryGetValue(cached, out var usage)
            || !(force || usage.Used))
        {
            return;
        }

        var state = (IDictionary<string, object>)StateProperty!.GetValue(cached)!;
        if (recordsTurns)
        {
            // In the same document and the same write as the state the turn produced: see AppliedTurns.
            AppliedTurns.Record(state, turnContext.Activity?.Id);
        }

        await storage.WriteAsync(new Dictionary<string, object> { [storageKey(turnContext)] = state }, cancellationToken)
            .ConfigureAwait(false);
        usage.Used = false;
    }

    private void Clear(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<object>(_turnStateKey!) is { } cached)
        {
            // The stored version stays the one read: clearing changes that document, it does not start a new one.
            var empty = new Dictionary<string, object>();
            if (((IDictionary<string, object>)StateProperty!.GetValue(cached)!).TryGetValue(DocumentStorage.ETagKey, out var eTag))
            {
                empty[DocumentStorage.ETagKey] = eTag;
            }

            Cache(turnContext, empty);
        }
    }

    /// <summary>Whether the turn's state (as last loaded) records the turn's activity as applied; see <see cref="AppliedTurns"/>.</summary>
    public bool HasApplied(ITurnContext turnContext) =>
        IsActive
        && turnContext.TurnState.Get<object>(_turnStateKey!) is { } cached
        && StateProperty!.GetValue(cached) is IDictionary<string, object> state
        && AppliedTurns.Contains(state, turnContext.Activity?.Id);

    private void Cache(ITurnContext turnContext, IDictionary<string, object> state)
    {
        var cached = CachedBotStateConstructor!.Invoke([null]);
        StateProperty!.SetValue(cached, state);
        turnContext.TurnState[_turnStateKey!] = cached;
        _usage.AddOrUpdate(cached, new Usage { Used = true });
    }

    private sealed class Usage
    {
        public bool Used { get; set; }
    }
}

/// <summary>The SDK's ConversationState with <see cref="TrackedState"/>'s cheaper change tracking.</summary>
public sealed class TrackedConversationState : ConversationState
{
    private readonly TrackedState _tracked;

    public TrackedConversationState(IStorage storage)
        : base(storage) => _tracked = new TrackedState(this, storage, GetStorageKey, recordsTurns: true);

    internal bool IsTracking => _tracked.IsActive;

    /// <summary>
    /// Whether the conversation's state as last loaded in this turn records the turn's activity id as applied (written
    /// with the state a run of this turn produced). False without an id, and when the SDK's own tracking is in use.
    /// </summary>
    public bool HasApplied(ITurnContext turnContext) => _tracked.HasApplied(turnContext);

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _tracked.LoadAsync(turnContext, force, cancellationToken) ?? base.LoadAsync(turnContext, force, cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _tracked.SaveAsync(turnContext, force, cancellationToken) ?? base.SaveChangesAsync(turnContext, force, cancellationToken);

    public override Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        _tracked.ClearAsync(turnContext) ?? base.ClearStateAsync(turnContext, cancellationToken);
}

/// <summary>The SDK's UserState with <see cref="TrackedState"/>'s cheaper change tracking (same adapter, other SDK base).</summary>
public sealed class TrackedUserState : UserState
{
    private readonly TrackedState _tracked;

    public TrackedUserState(IStorage storage)
        : base(storage) => _tracked = new TrackedState(this, storage, GetStorageKey);

    internal bool IsTracking => _tracked.IsActive;

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _tracked.LoadAsync(turnContext, force, cancellationToken) ?? base.LoadAsync(turnContext, force, cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _tracked.SaveAsync(turnContext, force, cancellationToken) ?? base.SaveChangesAsync(turnContext, force, cancellationToken);

    public override Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        _tracked.ClearAsync(turnContext) ?? base.ClearStateAsync(turnContext, cancellationToken);
}
