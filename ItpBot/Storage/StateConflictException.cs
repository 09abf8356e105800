namespace ItpBot.Storage;

/// <summary>
/// Someone else saved the same state since it was read (HTTP 412). The turn is run again on fresh state by
/// <see cref="StateConflictRetryMiddleware"/>. The message names the key only: keys hold ids, never text.
/// </summary>
public sealed class StateConflictException(string key, Exception? inner = null)
    : Exception($"State '{key}' was changed by another turn since it was read.", inner)
{
    public string Key { get; } = key;
}
