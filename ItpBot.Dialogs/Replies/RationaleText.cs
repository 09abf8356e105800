using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Rationales in the assessment name the rule that wrote them ("treatment-line: ...") so that API callers can trace
/// them; a reader at the bedside needs the reason, not the rule's id.
/// </summary>
internal static partial class RationaleText
{
    public static string WithoutRuleName(string rationale) => RuleName().Replace(rationale, "", 1);

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*:\s+", RegexOptions.CultureInvariant)]
    private static partial Regex RuleName();
}
