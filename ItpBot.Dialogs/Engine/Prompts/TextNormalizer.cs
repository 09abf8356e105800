using System.Text;

namespace ItpBot.Dialogs.Engine.Prompts;

/// <summary>Lower case, apostrophes dropped ("that's" -> "thats"), other punctuation as spaces, single spaces.</summary>
internal static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || c == '.' && builder.Length > 0 && char.IsDigit(builder[^1]))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString().TrimEnd('.');
    }

    public static string[] Words(string normalized) =>
        normalized.Length == 0 ? [] : normalized.Split(' ');
}
