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

    public static IReadOnlyList<string> Split(IReadOnlyList<string> blocks, int maxBytes = MaxTextBytes)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var block in blocks.SelectMany(block => SplitLongBlock(block, maxBytes)))
        {
            var separator = current.Length == 0 ? string.Empty : MarkdownBlocks.Separator;
            if (current.Length > 0 && Bytes(current.ToString()) + Bytes(separator) + Bytes(block) > maxBytes)
            {
                chunks.Add(current.ToString());
                current.Clear();
                separator = string.Empty;
            }
            current.Append(separator).Append(block);
        }
        if (current.Length > 0) chunks.Add(current.ToString());
        return chunks;
    }

    private static IEnumerable<string> SplitLongBlock(string block, int maxBytes)
    {
        if (Bytes(block) <= maxBytes)
        {
            yield return block;
            yield break;
        }

        // Prefer line boundaries (list items), then fall back to a cut that keeps escapes and surrogates whole.
        var piece = new StringBuilder();
        foreach (var line in block.Split('\n'))
        {
            foreach (var part in CutLine(line, maxBytes))
            {
                if (piece.Length > 0 && Bytes(piece.ToString()) + 1 + Bytes(part) > maxBytes)
                {
                    yield return piece.ToString();
                    piece.Clear();
                }
                if (piece.Length > 0) piece.Append('\n');
                piece.Append(part);
            }
        }
        if (piece.Length > 0) yield return piece.ToString();
    }

    private static IEnumerable<string> CutLine(string line, int maxBytes)
    {
        var start = 0;
        while (Bytes(line.AsSpan(start)) > maxBytes)
        {
            var length = maxBytes / 4;
            var end = start + length;
            while (end > start + 1 && (char.IsLowSurrogate(line[end]) || line[end - 1] == '\\')) end--;
            yield return line[start..end];
            start = end;
        }
        yield return line[start..];
    }

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    private static int Bytes(ReadOnlySpan<char> text) => Encoding.UTF8.GetByteCount(text);
}
