using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ItpBot.Dialogs.Engine.Prompts;

/// <summary>
/// Keeps a waiting prompt's options small in dialog state. An Activity written by storage serializers carries every
/// null property and a type name for each list (about 1.5 KB for one line of text); stored as plain JSON without the
/// nulls it is a few dozen bytes. <see cref="PromptOptions.Validations"/> is stored as it is, so a validator gets
/// back the type it put in.
/// </summary>
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
        state[OptionsKey] = JObject.FromObject(
            new PromptOptions
            {
                Prompt = options.Prompt,
                RetryPrompt = options.RetryPrompt,
                Choices = options.Choices,
                Style = options.Style,
                MaxAttempts = options.MaxAttempts,
            },
            Compact);

        if (options.Validations is not null)
        {
            state[ValidationsKey] = options.Validations;
        }
    }

    public static PromptOptions Read(IDictionary<string, object> state)
    {
        var stored = state.GetValue<JObject>(OptionsKey) ?? throw new InvalidOperationException("The prompt's stored options are missing.");
        var options = stored.ToObject<PromptOptions>(Compact)!;
        options.Validations = state.TryGetValue(ValidationsKey, out var validations) ? validations : null;
        return options;
    }
}
