using Newtonsoft.Json.Linq;

namespace ItpBot.Storage;

/// <summary>
/// The ids of the last activities whose turn was applied to a conversation, kept in the conversation's own state
/// document and written by the same write as the state each turn produced. A write to the blob service can be stored
/// although its answer is lost; the SDK's retry then fails its condition and, if another host has meanwhile read that
/// version and written its own, the store cannot tell the write was ours and reports a conflict. The record says the
/// turn was applied, so <see cref="StateConflictRetryMiddleware"/> does not run it again (which would apply one
/// answer twice).
/// </summary>
public static class AppliedTurns
{
    /// <summary>The state property that holds the ids (a JSON array of strings in the document).</summary>
    public const string Property = "appliedTurns";

    /// <summary>
    /// Ids kept. Only turns that raced with ours between its write and the read after the conflict can push its id
    /// out; a few in-flight turns on one conversation are the most a user sends, so 16 is ample and costs little.
    /// </summary>
    public const int Capacity = 16;

    /// <summary>Adds <paramref name="activityId"/> (if any, and not already there) to the state about to be written.</summary>
    public static void Record(IDictionary<string, object> state, string? activityId)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrEmpty(activityId))
        {
            return;
        }

        var ids = Ids(state);
        if (Array.IndexOf(ids, activityId) >= 0)
        {
            return;
        }

        var keep = Math.Min(ids.Length, Capacity - 1);
        var next = new string[keep + 1];
        Array.Copy(ids, ids.Length - keep, next, 0, keep);
        next[keep] = activityId;
        state[Property] = next;
    }

    /// <summary>Whether the state records <paramref name="activityId"/> as applied. Activities without an id never are.</summary>
    public static bool Contains(IDictionary<string, object> state, string? activityId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return !string.IsNullOrEmpty(activityId) && Array.IndexOf(Ids(state), activityId) >= 0;
    }

    private static string[] Ids(IDictionary<string, object> state) =>
        state.TryGetValue(Property, out var value)
            ? value switch
            {
                string[] ids => ids,
                JArray written => written.Values<string>().OfType<string>().ToArray(),
                IEnumerable<string> ids => [.. ids],
                _ => [],
            }
            : [];
}
