using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ItpBot.Dialogs.Engine.Prompts;

/// <summary>
/// Keeps a waiting prompt's options small in dialog state. An Activity written by storage serializers carries every
/// null property and a type name for each list (about 1.5 KB for one line of text); stored as plain JSON without the
/// nulls it is a few dozen bytes. <see cref="PromptOptions.Validations"/> is stored as it is, so a validator gets
/// back the type it put in.
/// </summary>
/// <remarks>
/// The options stay objects until the state is saved, and are then written in that compact shape directly (no JObject
/// built when a prompt starts, which is most turns). Read back after a save they are a JObject, as before.
/// </remarks>
internal static class StoredPromptOptions
{
    private const string OptionsKey = "options";
    private const string ValidationsKey = "validations";

    private static readonly JsonSerializer Compact = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,
    });

    public static void Write(IDictionary<string, object> state, PromptOptions options)
    {
        state[OptionsKey] = new CompactOptions(Stored(options));
        if (options.Validations is not null)
        {
            state[ValidationsKey] = options.Validations;
        }
    }

    public static PromptOptions Read(IDictionary<string, object> state)
    {
        state.TryGetValue(OptionsKey, out var stored);
        var options = stored switch
        {
            // Not saved yet (a reprompt in the same turn): a copy, as reading from storage gives.
            CompactOptions compact => Stored(compact.Options),
            null => throw new InvalidOperationException("The prompt's stored options are missing."),
            _ => (state.GetValue<JObject>(OptionsKey) ?? throw new InvalidOperationException("The prompt's stored options are missing."))
                .ToObject<PromptOptions>(Compact)!,
        };
        options.Validations = state.TryGetValue(ValidationsKey, out var validations) ? validations : null;
        return options;
    }

    /// <summary>What is stored of the options (validations apart).</summary>
    private static PromptOptions Stored(PromptOptions options) => new()
    {
        Prompt = options.Prompt,
        RetryPrompt = options.RetryPrompt,
        Choices = options.Choices,
        Style = options.Style,
        MaxAttempts = options.MaxAttempts,
    };

    /// <summary>A prompt's options in state until the save, written in the compact shape.</summary>
    [JsonConverter(typeof(CompactWriter))]
    private sealed record CompactOptions(PromptOptions Options);

    private sealed class CompactWriter : JsonConverter<CompactOptions>
    {
        public override bool CanRead => false;

        public override void WriteJson(JsonWriter writer, CompactOptions? value, JsonSerializer serializer) =>
            Compact.Serialize(writer, value?.Options);

        public override CompactOptions ReadJson(JsonReader reader, Type objectType, CompactOptions? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            throw new NotSupportedException("Stored options are read back as JSON (see Read).");
    }
}
