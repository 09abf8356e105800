using System.Reflection;
using System.Text.Json.Serialization;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// The contract's names for the values of an enum ("liver-disease", "anticoagulant"): lexicon meanings are written in
/// the contract's words, so a reviewer reads the same code in the data as in the API.
/// </summary>
internal static class ContractCodes<T>
    where T : struct, Enum
{
    /// <summary>Each contract name with its value.</summary>
    public static IReadOnlyDictionary<string, T> ByName { get; } = Enum.GetValues<T>().ToDictionary(
        value => typeof(T).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString(),
        value => value,
        StringComparer.Ordinal);
}
