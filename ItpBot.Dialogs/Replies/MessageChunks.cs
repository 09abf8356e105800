using System.Text;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Splits Markdown into messages that channels accept (Teams refuses an activity much over 80 KB, card included),
/// cutting between blocks so a list or a paragraph is never broken unless a single block is itself too long.
/// </summary>
internal static class MessageChunks
{
    /// <summary>Text budget per message, leaving room for the card and the activity envelope.</summary>
    public const int MaxTextBytes = 48 * 1024;

    public static IReadOnlyList<string> Split(IReadOnlyList<string> blocks, int maxBytes = MaxTextBytes) =>
        Pack(blocks.SelectMany(block => SplitLongBlock(block, maxBytes)), MarkdownBlocks.Separator, maxBytes);

    /// <summary>Joins parts with the separator into as few pieces as fit the budget, in order.</summary>
    private static List<string> Pack(IEnumerable<string> parts, string separator, int maxBytes)
    {
        var separatorBytes = Bytes(separator);
        var pieces = new List<string>();
        var current = new StringBuilder();
        var currentBytes = 0;
        foreach (var part in parts)
        {
            var partBytes = Bytes(part);
            if (current.Length > 0 && currentBytes + separatorBytes + partBytes > maxBytes)
            {
                pieces.Add(current.ToString());
                current.Clear();
                currentBytes = 0;
            }
            if (current.Length > 0)
            {
                current.Append(separator);
                currentBytes += separatorBytes;
            }
            current.Append(part);
            currentBytes += partBytes;
        }
        if (current.Length > 0) pieces.Add(current.ToString());
        return pieces;
    }

    // Prefer line boundaries (list items), then a cut that keeps escapes and surrogate pairs whole.
    private static IEnumerable<string> SplitLongBlock(string block, int maxBytes) =>
        Bytes(block) <= maxBytes ? [block] : Pack(block.Split('\n').SelectMany(line => CutLine(line, maxBytes)), "\n", maxBytes);

    private static IEnumerable<string> CutLine(string line, int maxBytes)
    {
        var start = 0;
        // A UTF-16 char is at most 3 UTF-8 bytes (a surrogate pair is 4 for 2), so this many chars always fit.
        var maxChars = maxBytes / 3;
        while (Bytes(line.AsSpan(start)) > maxBytes)
        {
            var end = start + maxChars;
            while (end > start + 1 && (char.IsLowSurrogate(line[end]) || line[end - 1] == '\\')) end--;
            yield return line[start..end];
            start = end;
        }
        yield return line[start..];
    }

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    private static int Bytes(ReadOnlySpan<char> text) => Encoding.UTF8.GetByteCount(text);
}
