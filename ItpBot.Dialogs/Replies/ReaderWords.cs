using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Counts the words of rendered Markdown as a reader counts them: citation marks, list numbers, emphasis marks,
/// escapes and lone symbols (a dash, a sign) are not words; "1–2", "×10⁹/L" and "IVIg" each are one.
/// </summary>
public static partial class ReaderWords
{
    /// <summary>The most words the assessment's opening may hold (issue 11).</summary>
    public const int OpeningLimit = 250;

    public static int Count(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return 0;
        var text = CitationMark().Replace(markdown, " ");
        text = ListNumber().Replace(text, " ");
        return Word().Count(text);
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex CitationMark();

    [GeneratedRegex(@"^[ \t]*\d+\.[ \t]", RegexOptions.Multiline)]
    private static partial Regex ListNumber();

    // A run of non-space characters with at least one letter or digit.
    [GeneratedRegex(@"(?<!\S)\S*[\p{L}\p{N}]\S*")]
    private static partial Regex Word();
}
