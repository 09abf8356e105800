using System.Globalization;
using System.Text.RegularExpressions;

namespace ItpBot.Knowledge.Reasoning;

/// <summary>The dose a prior treatment's note gives ("1 ug/kg weekly", "75 mg daily"), in the unit asked for.</summary>
internal static partial class DoseInNote
{
    public static double? Read(string note, string unit)
    {
        var match = unit.EndsWith("/kg", StringComparison.Ordinal) ? PerKg().Match(note) : Milligrams().Match(note);
        return match.Success && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var dose)
            ? dose
            : null;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(?:µg|μg|ug|mcg)\s*/\s*kg", RegexOptions.IgnoreCase)]
    private static partial Regex PerKg();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*mg\b(?!\s*/)", RegexOptions.IgnoreCase)]
    private static partial Regex Milligrams();
}
