using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// The first sentence of a content text: the short form the opening falls back to when the whole text does not fit
/// (the whole is one question away). A sentence ends at ".", "!" or "?" before a capital, so "1.5" and "e.g. x" hold.
/// </summary>
internal static partial class FirstSentence
{
    /// <summary>The first sentence, or null when the text is a single sentence (no shorter form exists).</summary>
    public static string? Of(string text)
    {
        var end = SentenceEnd().Match(text);
        return end.Success ? text[..end.Index].TrimEnd() : null;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})")]
    private static partial Regex SentenceEnd();
}
