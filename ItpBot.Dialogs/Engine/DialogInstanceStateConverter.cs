using Newtonsoft.Json;

namespace ItpBot.Dialogs.Engine;

/// <summary>
/// Reads a <see cref="DialogInstance.State"/> with the engine's own entries in their types: a component's inner stack
/// as a <see cref="DialogState"/> and a waterfall's values as a dictionary. Storage without type names would otherwise
/// hand each back as a JObject, a tree built at every state load and converted again on every turn. Other entries are
/// read as before (plain values, JObject, JArray); writing is Newtonsoft's own.
/// </summary>
internal sealed class DialogInstanceStateConverter : JsonConverter
{
    private const string MetadataPrefix = "$";

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => typeof(IDictionary<string, object>).IsAssignableFrom(objectType);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonSerializationException($"A dialog's state must be a JSON object, not {reader.TokenType} at {reader.Path}.");
        }

        var state = new Dictionary<string, object>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            reader.Read();
            if (name.StartsWith(MetadataPrefix, StringComparison.Ordinal))
            {
                // The dictionary's own type name (documents written with type names): it is always this dictionary.
                reader.Skip();
                continue;
            }

            state[name] = reader.TokenType == JsonToken.StartObject && DialogStateKeys.TypeOf(name) is { } type
                ? serializer.Deserialize(reader, type)!
                : serializer.Deserialize(reader, typeof(object))!;
        }

        return state;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Written by Newtonsoft's own dictionary contract.");
}

/// <summary>The entries the engine keeps in a dialog's state, and the types they are read back as.</summary>
internal static class DialogStateKeys
{
    public const string InnerStack = "dialogs";
    public const string WaterfallValues = "values";

    public static Type? TypeOf(string key) => key switch
    {
        InnerStack => typeof(DialogState),
        WaterfallValues => typeof(Dictionary<string, object>),
        _ => null,
    };
}
