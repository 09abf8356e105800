using Newtonsoft.Json;

namespace ItpBot.Dialogs.Engine;

/// <summary>One entry of the dialog stack: which dialog, and the small state it keeps between turns.</summary>
public sealed class DialogInstance
{
    public DialogInstance()
    {
    }

    public DialogInstance(string id)
    {
        Id = id;
    }

    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// Persisted with Newtonsoft JSON by Bot Framework storage: keep values simple (strings, numbers, bools, lists of
    /// those, JSON-friendly records). Read them back with <see cref="StateValues.GetValue{T}"/>, which copes with the
    /// shapes a round trip produces (an int stored comes back as a long).
    /// </summary>
    [JsonConverter(typeof(DialogInstanceStateConverter))]
    public IDictionary<string, object> State { get; set; } = new Dictionary<string, object>();
}
