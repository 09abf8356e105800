using System.Globalization;
using Newtonsoft.Json.Linq;

namespace ItpBot.Dialogs.Engine;

/// <summary>
/// Reads values back from dialog state after a storage round trip. Newtonsoft returns whole numbers as long and,
/// for storage without type names, objects as JObject; this puts them back into the type the caller asks for.
/// </summary>
public static class StateValues
{
    public static T? GetValue<T>(this IDictionary<string, object> state, string key)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TryGetValue(key, out var value) ? ConvertTo<T>(value) : default;
    }

    internal static T? ConvertTo<T>(object? value)
    {
        switch (value)
        {
            case null:
                return default;
            case T typed:
                return typed;
            case JToken token:
                return token.ToObject<T>();
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target.IsEnum)
        {
            return (T)Enum.ToObject(target, value);
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            return (T)System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        return JToken.FromObject(value).ToObject<T>();
    }
}
