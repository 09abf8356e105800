using System.Text;
using Newtonsoft.Json;

namespace ItpBot.Channels.Teams;

/// <summary>
/// Splits text into pieces whose JSON-escaped UTF-8 size stays within a budget: at line breaks where it can (so a
/// Markdown list item or table row is not cut in half), between words when one line alone is too long, and inside a
/// word only when one word alone is.
/// </summary>
public static class TextSplitter
{
    /// <summary>The pieces, in order; concatenated they give back the text exactly.</summary>
    public static IReadOnlyList<string> Split(string text, int budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetBytes, 16);
        var pieces = new List<string>();
        var current = new StringBuilder();
        var currentCost = 0;

        foreach (var segment in Segments(text, budgetBytes))
        {
            var cost = CostOf(segment);
            if (currentCost + cost > budgetBytes && current.Length > 0)
            {
                pieces.Add(current.ToString());
                current.Clear();
                currentCost = 0;
            }

            current.Append(segment);
            currentCost += cost;
        }

        if (current.Length > 0)
        {
            pieces.Add(current.ToString());
        }

        return pieces;
    }

    /// <summary>Bytes the text adds inside a JSON string: escaping is per character, so the cost of a concatenation is the sum of the costs.</summary>
    public static int CostOf(string text) => Encoding.UTF8.GetByteCount(JsonConvert.ToString(text)) - 2;

    // Lines (each with its line break); a line too long for the budget as words (each with its trailing space).
    private static IEnumerable<string> Segments(string text, int budgetBytes)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            var line = text[start..end];
            if (CostOf(line) <= budgetBytes)
            {
                yield return line;
            }
            else
            {
                foreach (var word in Words(line))
                {
                    if (CostOf(word) <= budgetBytes)
                    {
                        yield return word;
                    }
                    else
                    {
                        foreach (var run in Runs(word, budgetBytes))
                        {
                            yield return run;
                        }
                    }
                }
            }

            start = end;
        }
    }

    private static IEnumerable<string> Words(string line)
    {
        var start = 0;
        while (start < line.Length)
        {
            var space = line.IndexOf(' ', start);
            var end = space < 0 ? line.Length : space + 1;
            yield return line[start..end];
            start = end;
        }
    }

    private static IEnumerable<string> Runs(string line, int budgetBytes)
    {
        var run = new StringBuilder();
        var cost = 0;
        for (var i = 0; i < line.Length; i++)
        {
            // Never separate a surrogate pair: half an emoji is not valid UTF-16 and would not survive serialization.
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var character = line.Substring(i, width);
            var characterCost = CostOf(character);
            if (cost + characterCost > budgetBytes && run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
                cost = 0;
            }

            run.Append(character);
            cost += characterCost;
            i += width - 1;
        }

        if (run.Length > 0)
        {
            yield return run.ToString();
        }
    }
}
