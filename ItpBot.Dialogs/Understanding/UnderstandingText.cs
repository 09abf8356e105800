using System.Text;
using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>A span of a normalised message: one clause, delimited by punctuation or "but".</summary>
internal readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
    public bool Contains(int index) => index >= Start && index < End;
}

/// <summary>
/// One normal form for every recogniser, so offsets from one can be used by another: lower case, straight
/// apostrophes, "×" as "x", superscript powers as "^", single spaces.
/// </summary>
internal static partial class UnderstandingText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 4);
        var previousWasSpace = true;
        var previousWasSuperscript = false;
        foreach (var raw in text.Trim())
        {
            var superscript = SuperscriptDigit(raw);
            if (superscript is not null)
            {
                if (!previousWasSuperscript)
                {
                    builder.Append('^');
                }

                builder.Append(superscript.Value);
                previousWasSuperscript = true;
                previousWasSpace = false;
                continue;
            }

            previousWasSuperscript = false;
            var c = raw switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u00D7' => 'x',
                '\u2013' or '\u2014' or '\u2212' => '-',
                '\u03BC' => '\u00B5',
                _ => char.ToLowerInvariant(raw),
            };

            if (char.IsWhiteSpace(c))
            {
                if (!previousWasSpace)
                {
                    builder.Append(' ');
                }

                // A line break is a boundary ("- eltrombopag: NR\n- rituximab: relapsed"): a list's lines never run
                // into one another, so a run of white space holding one is kept as a single line break.
                if (c is '\n' or '\r')
                {
                    builder[^1] = '\n';
                }

                previousWasSpace = true;
                continue;
            }

            builder.Append(c);
            previousWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Clauses of a normalised text: split at , ; : . ! ? new lines and the word "but".</summary>
    public static IReadOnlyList<TextSpan> Clauses(string normalized)
    {
        var clauses = new List<TextSpan>();
        var start = 0;
        foreach (var boundary in ClauseBoundary().EnumerateMatches(normalized))
        {
            Add(start, boundary.Index);
            start = boundary.Index + boundary.Length;
        }

        Add(start, normalized.Length);
        return clauses;

        void Add(int from, int to)
        {
            if (to > from && !string.IsNullOrWhiteSpace(normalized[from..to]))
            {
                clauses.Add(new TextSpan(from, to - from));
            }
        }
    }

    /// <summary>The non-empty stretches of a text between the matches of a boundary (sentence ends, list marks).</summary>
    internal static IEnumerable<TextSpan> Between(string text, Regex boundary)
    {
        var start = 0;
        foreach (Match end in boundary.Matches(text))
        {
            if (end.Index > start)
            {
                yield return new TextSpan(start, end.Index - start);
            }

            start = end.Index + end.Length;
        }

        if (text.Length > start)
        {
            yield return new TextSpan(start, text.Length - start);
        }
    }

    public static TextSpan ClauseAt(string normalized, int index)
    {
        foreach (var clause in Clauses(normalized))
        {
            if (clause.Contains(index))
            {
                return clause;
            }
        }

        return new TextSpan(0, normalized.Length);
    }

    /// <summary>Words (letters and digits) with their offsets.</summary>
    public static IReadOnlyList<(string Word, int Start)> Words(string normalized)
    {
        var words = new List<(string, int)>();
        foreach (var match in Word().EnumerateMatches(normalized))
        {
            words.Add((normalized.Substring(match.Index, match.Length), match.Index));
        }

        return words;
    }

    public static int WordCount(string normalized) => Word().Count(normalized);

    private static char? SuperscriptDigit(char c) => c switch
    {
        '\u2070' => '0',
        '\u00B9' => '1',
        '\u00B2' => '2',
        '\u00B3' => '3',
        '\u2074' => '4',
        '\u2075' => '5',
        '\u2076' => '6',
        '\u2077' => '7',
        '\u2078' => '8',
        '\u2079' => '9',
        _ => null,
    };

    // A full stop between digits is a decimal point, not a boundary.
    [GeneratedRegex(@"[,;!?\n]|:(?!\s*\d)|(?<!\d)\.|\.(?!\d)|\bbut\b|\bhowever\b|\balthough\b|\bwhereas\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBoundary();

    [GeneratedRegex(@"[\p{L}\p{N}µ]+(?:'[\p{L}]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
