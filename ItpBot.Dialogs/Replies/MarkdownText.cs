using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Makes plain text safe inside the Markdown that Teams, Web Chat and the Emulator render: text from users or
/// content must never open a link, a list, a header, HTML or emphasis of its own.
/// </summary>
public static partial class MarkdownText
{
    // Inline characters that start emphasis, code, links, HTML, tables or strikethrough anywhere in a line.
    private const string InlineSpecials = "\\`*_[]<>|~";

    // Most content text holds none of these: such text is returned as it is, without a copy (an assessment escapes
    // a few hundred strings).
    private static readonly SearchValues<char> SpecialsAndLineBreaks = SearchValues.Create(InlineSpecials + "\r\n\u2028\u2029");

    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : EscapeBlockStart(EscapeInline(text).Trim());

    /// <summary>Escapes a fragment that will sit inside a line (spaces kept, no block-start handling).</summary>
    internal static string EscapeInline(string text)
    {
        if (!text.AsSpan().ContainsAny(SpecialsAndLineBreaks)) return text;

        // One line only: a line break in the text could start a new block (list, header, quote) of its own.
        var line = LineBreaks().Replace(text, " ");
        var escaped = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (InlineSpecials.Contains(c)) escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>A link whose text is escaped and whose address cannot close the link early.</summary>
    public static string Link(string text, string url) =>
        $"[{Escape(text)}]({url.Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29")})";

    // At the start of a block, "#", ">", "-", "+", "=" and "1." or "1)" have a meaning of their own.
    internal static string EscapeBlockStart(string line)
    {
        if (line.Length == 0) return line;
        if ("#>-+=".Contains(line[0])) return "\\" + line;
        var ordered = OrderedListStart().Match(line);
        return ordered.Success ? line.Insert(ordered.Length - 1, "\\") : line;
    }

    [GeneratedRegex(@"[ \t]*[\r\n\u2028\u2029]+[ \t]*")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"^\d+[.)]")]
    private static partial Regex OrderedListStart();
}
