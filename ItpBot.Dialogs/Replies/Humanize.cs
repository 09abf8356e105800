using System.Text;

namespace ItpBot.Dialogs.Replies;

/// <summary>Fallback wording for identifiers that have no display text.</summary>
internal static class Humanize
{
    /// <summary>"tranexamic-acid" -> "Tranexamic acid".</summary>
    public static string KebabId(string id)
    {
        var words = id.Replace('-', ' ').Trim();
        return words.Length == 0 ? id : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>"plateletCount" -> "platelet count".</summary>
    public static string CamelCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append(' ');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
