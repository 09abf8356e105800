namespace ItpBot.Dialogs.Replies;

/// <summary>
/// The Markdown shapes every channel renders alike. Teams shows no headers and no tables and often ignores a
/// single line break, so blocks are separated by a blank line and structure comes from bold labels and lists.
/// Every argument is plain text and is escaped here.
/// </summary>
internal static class MarkdownBlocks
{
    public const string Separator = "\n\n";

    /// <summary>"**Label:** text", or null when there is no text.</summary>
    public static string? Labelled(string label, string? text, string citations = "") =>
        string.IsNullOrWhiteSpace(text) ? null : $"**{MarkdownText.Escape(label)}:** {MarkdownText.Escape(text)}{citations}";

    public static string? Bullets(string label, IReadOnlyList<string> items) =>
        List(label, items.Select(MarkdownText.Escape).ToList(), numbered: false);

    /// <summary>A labelled list of items already written as Markdown.</summary>
    /// <param name="hint">Plain text shown in italics after the label, e.g. what the group means to a patient.</param>
    public static string? List(string label, IReadOnlyList<string> markdownItems, bool numbered, string? hint = null)
    {
        if (markdownItems.Count == 0) return null;
        var lines = markdownItems.Select((item, i) => numbered ? $"{i + 1}. {item}" : $"- {item}");
        return $"**{MarkdownText.Escape(label)}:**{Hint(hint)}{Separator}{string.Join("\n", lines)}";
    }

    public static string Hint(string? hint) => string.IsNullOrWhiteSpace(hint) ? "" : $" _{MarkdownText.Escape(hint)}_";

    public static string Join(IEnumerable<string?> blocks) =>
        string.Join(Separator, blocks.Where(block => !string.IsNullOrWhiteSpace(block)));
}
