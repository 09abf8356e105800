using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace ItpBot.Storage;

/// <summary>
/// How state is serialised: Newtonsoft. BotState's dictionaries are written without type names
/// (<see cref="PlainSerializer"/>); type names in stored JSON (documents written before) are honoured only for
/// <see cref="SafeStateTypes"/>.
/// </summary>
/// <remarks>
/// Names are written where the declared type does not say what the value is (<see cref="TypeNameHandling.Auto"/>:
/// values in <c>Dictionary&lt;string, object&gt;</c>, interface-typed lists), not on every object as the SDK's own
/// storages do (All). Every turn reads and writes the state, and resolving a name costs more than reading the object
/// it names; documents written with All still read, since names that are present are always honoured.
/// </remarks>
public static class StateJson
{
    public static JsonSerializerSettings Settings { get; } = new()
    {
        TypeNameHandling = TypeNameHandling.Auto,
        SerializationBinder = new SafeStateTypes(),

        // The names are written exactly as the default (Simple) format writes them, but the binder hands them over
        // ready-made: in the Simple format Newtonsoft rebuilds each name from the full one on every object, every save.
        TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Full,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        NullValueHandling = NullValueHandling.Include,
        MaxDepth = 128,
    };

    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(Settings);

    /// <summary>
    /// How BotState's dictionaries are written: no type names at all, so a stored document is plain JSON that names no
    /// .NET type (nothing for a tampered document to point at, nothing that breaks when a type moves). Reading still
    /// honours names, through <see cref="SafeStateTypes"/>, so documents written with them keep reading.
    /// </summary>
    public static JsonSerializer PlainSerializer { get; } = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        NullValueHandling = NullValueHandling.Include,
        MaxDepth = 128,
    });

    /// <summary>
    /// The types of the bot's own state properties, read straight into their types when a document carries no names.
    /// Other properties come back as JSON (JObject, JArray) or plain values, which BotState's accessors and the dialog
    /// engine convert on use.
    /// </summary>
    public static IReadOnlyDictionary<string, Type> KnownProperties => Declared;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Type> Declared = new(StringComparer.Ordinal)
    {
        ["dialogState"] = typeof(ItpBot.Dialogs.Engine.DialogState),
        ["intake"] = typeof(ItpBot.Dialogs.Conversation.IntakeState),
        ["settings"] = typeof(ItpBot.Dialogs.Conversation.UserSettings),
        [AppliedTurns.Property] = typeof(string[]),
    };

    /// <summary>
    /// Declares a state property's type, so it is read back as that type. Needed only by code that reads a property
    /// and changes the value in place without setting it back: an undeclared property is converted anew on each read.
    /// </summary>
    public static void DeclareProperty<T>(string name) => Declared[name] = typeof(T);

    /// <summary>BotState's dictionary as written without names (a JSON object), with known properties in their types.</summary>
    public static Dictionary<string, object> ToState(Newtonsoft.Json.Linq.JObject written)
    {
        var state = new Dictionary<string, object>(written.Count, StringComparer.Ordinal);
        foreach (var (name, token) in written)
        {
            if (token is null || token.Type == Newtonsoft.Json.Linq.JTokenType.Null)
            {
                continue;
            }

            state[name] = KnownProperties.TryGetValue(name, out var type) ? token.ToObject(type, PlainSerializer)!
                : token is Newtonsoft.Json.Linq.JValue { Value: { } value } ? value
                : token;
        }

        return state;
    }

    /// <summary>
    /// BotState's dictionary from a document's state part written without type names (a JSON object), read in one pass
    /// from the text: known properties straight into their types, others as <see cref="ToState"/> gives them. The same
    /// values as reading a JObject and calling <see cref="ToState"/>, without building the tree first (every key, every turn).
    /// </summary>
    /// <param name="reader">Positioned on the object's start.</param>
    internal static Dictionary<string, object> ReadState(JsonReader reader)
    {
        var state = new Dictionary<string, object>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            if (!reader.Read())
            {
                break;
            }

            switch (reader.TokenType)
            {
                case JsonToken.Null or JsonToken.Undefined:
                    continue;
                case JsonToken.StartObject or JsonToken.StartArray:
                    state[name] = KnownProperties.TryGetValue(name, out var type)
                        ? PlainSerializer.Deserialize(reader, type)!
                        : Newtonsoft.Json.Linq.JToken.ReadFrom(reader);
                    break;
                default:
                    // A plain value stays what the reader made of it (as JValue.Value would), even for a known name.
                    state[name] = KnownProperties.TryGetValue(name, out var known) && reader.Value is { } plain && !known.IsInstanceOfType(plain)
                        ? Newtonsoft.Json.Linq.JToken.ReadFrom(reader).ToObject(known, PlainSerializer)!
                        : reader.Value!;
                    break;
            }
        }

        return reader.TokenType == JsonToken.EndObject
            ? state
            : throw new JsonSerializationException($"The stored state ends unexpectedly at {reader.Path}.");
    }

    /// <summary>Reads a document whose state part starts at <paramref name="stateStart"/>: its save time and BotState's dictionary.</summary>
    /// <returns>Null when the state part is not a plain JSON object (named types, older shapes): read those with <see cref="Read{T}"/>.</returns>
    internal static (DateTimeOffset SavedAt, Dictionary<string, object> State)? ReadPlainDocument(string json, int stateStart)
    {
        if (stateStart >= json.Length || json[stateStart] != '{' || json.AsSpan(stateStart).StartsWith("{\"$type\"", StringComparison.Ordinal))
        {
            return null;
        }

        using var reader = new JsonTextReader(new StringReader(json)) { ArrayPool = Buffers, MaxDepth = 128 };
        DateTimeOffset? savedAt = null;
        Dictionary<string, object>? state = null;
        if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            switch ((string)reader.Value!)
            {
                case "SavedAt":
                    savedAt = reader.ReadAsDateTimeOffset();
                    break;
                case "State":
                    if (!reader.Read() || reader.TokenType != JsonToken.StartObject) return null;
                    state = ReadState(reader);
                    break;
                default:
                    return null;
            }
        }

        return savedAt is { } at && state is not null ? (at, state) : null;
    }

    // State is read and written on every turn: one serializer for all, buffers from the shared pool.
    private static readonly CharPool Buffers = new();

    /// <summary>A value as a document part, without type names (see <see cref="PlainSerializer"/>).</summary>
    public static string Write(object value)
    {
        var text = new StringBuilder(1024);
        WriteTo(text, value);
        return text.ToString();
    }

    /// <summary>Appends <paramref name="value"/> as <see cref="Write"/> writes it.</summary>
    public static void WriteTo(StringBuilder text, object value)
    {
        using var output = new StringWriter(text, CultureInfo.InvariantCulture);
        using var writer = new JsonTextWriter(output) { ArrayPool = Buffers, CloseOutput = false };
        PlainSerializer.Serialize(writer, value, typeof(object));
    }

    public static T Read<T>(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { ArrayPool = Buffers };
        return Serializer.Deserialize<T>(reader) ?? throw new JsonSerializationException("The stored document is empty.");
    }

    private sealed class CharPool : IArrayPool<char>
    {
        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null) ArrayPool<char>.Shared.Return(array);
        }
    }
}

/// <summary>
/// A serialization binder that refuses types a stored document could abuse (the classic TypeNameHandling gadgets live
/// in framework assemblies): only plain values, generic collections of allowed types, Json.NET's JToken family, and
/// types from the Bot Framework and ItpBot are bound.
/// </summary>
public sealed partial class SafeStateTypes : DefaultSerializationBinder
{
    private static readonly string[] AllowedNamespacePrefixes = ["Microsoft.Bot.", "Microsoft.Recognizers.", "ItpBot", "Newtonsoft.Json.Linq"];

    private static readonly HashSet<Type> AllowedValueTypes =
    [
        typeof(string), typeof(object), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan),
        typeof(Guid), typeof(Uri), typeof(DateOnly), typeof(TimeOnly),
    ];

    // Assembly-qualified names without version, culture and key: what TypeNameAssemblyFormatHandling.Simple writes.
    private static readonly ConcurrentDictionary<Type, string> SimpleNames = new();

    public override void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
    {
        ArgumentNullException.ThrowIfNull(serializedType);
        assemblyName = null;
        typeName = SimpleNames.GetOrAdd(serializedType, static type => AssemblyDetails().Replace(type.AssemblyQualifiedName!, string.Empty));
    }

    [GeneratedRegex(@", (?:Version|Culture|PublicKeyToken)=[^,\]]*", RegexOptions.CultureInvariant)]
    private static partial Regex AssemblyDetails();

    public override Type BindToType(string? assemblyName, string typeName)
    {
        var type = base.BindToType(assemblyName, typeName);
        return IsAllowed(type)
            ? type
            : throw new JsonSerializationException($"Type '{type.FullName}' is not allowed in stored state.");
    }

    // Every stored value's type is checked on every read; the answer for a type never changes.
    private static readonly ConcurrentDictionary<Type, bool> Checked = new();

    public static bool IsAllowed(Type type) => Checked.GetOrAdd(type, Check);

    private static bool Check(Type type)
    {
        if (type.IsPrimitive || type.IsEnum && IsAllowedByNamespace(type) || AllowedValueTypes.Contains(type))
        {
            return true;
        }

        if (type.IsArray)
        {
            return IsAllowed(type.GetElementType()!);
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var definitionAllowed = definition == typeof(Nullable<>)
                || definition.Namespace == "System" && definition.Name.StartsWith("ValueTuple`", StringComparison.Ordinal)
                || definition.Namespace == "System" && definition.Name.StartsWith("Tuple`", StringComparison.Ordinal)
                || definition.Namespace is "System.Collections.Generic" or "System.Collections.ObjectModel" or "System.Collections.Concurrent"
                || IsAllowedByNamespace(definition);
            return definitionAllowed && type.GetGenericArguments().All(IsAllowed);
        }

        return IsAllowedByNamespace(type);
    }

    private static bool IsAllowedByNamespace(Type type) =>
        type.Namespace is { } ns && AllowedNamespacePrefixes.Any(prefix => ns.StartsWith(prefix, StringComparison.Ordinal));
}
