using System.Globalization;
using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Dialogs.Understanding;

/// <summary>A value said after an earlier one of the same measure, marked as the latest ("today 11.4", "58 kg now").</summary>
/// <param name="Value">The number.</param>
/// <param name="Unit">The word written just after the number ("kg", "g/l"), or empty.</param>
internal sealed record LaterValue(double Value, string Unit)
{
    /// <summary>
    /// The latest value in the rest of the sentence after a value ends at <paramref name="end"/>: "Hb was 8 in the
    /// summer, today 11.4", "weight used to be 90 kg, now 76", "52 kg at diagnosis and is 58 kg now". Another measure
    /// named in between ("Hb 9, plt 20 today") ends the search: its number is not this one's.
    /// </summary>
    public static LaterValue? After(string normalized, int end)
    {
        if (end >= normalized.Length || Grammar.Value.Later.Match(normalized, end) is not { Success: true } match
            || Grammar.Value.OtherMeasure.IsMatch(match.Groups["gap"].Value))
        {
            return null;
        }

        return double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new LaterValue(value, match.Groups["unit"].Value.Trim())
            : null;
    }

    private static readonly Lazy<Words> Grammar = new(() => new Words(ReadingLexicon.Default));

    /// <summary>The grammar, with its time words and measure names from the lexicon (counts.yaml, labs.yaml, units.yaml).</summary>
    private sealed class Words(ReadingLexicon lexicon)
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
        private const string Number = @"(?<value>\d{1,4}(?:\.\d+)?)";

        // Inside one sentence (a decimal point is no full stop), with no other number on the way.
        public Regex Later { get; } = Build(@"\b" + LexiconWords.Alternation(lexicon, "count", "latest") + @"\b");

        private static Regex Build(string latest) => new(
            @"\G(?<gap>(?:[^.;?!\d]|\.(?=\d)){0,60}?)(?:" + latest + @"\s*(?:(?:it's|it is|is|was|at|of|has|:|=|down to|up to|back to|back up to|back down to|come down to|gone up to|gone down to)\s*)*" + Number +
            @"(?<unit>\s*[a-z/µ^]+)?|" + Number + @"\s*(?<unit>[a-z/µ^]+)?\s*" + latest + ")",
            Options);

        public Regex OtherMeasure { get; } = new(
            @"\b" + LexiconWords.Alternation(
                LexiconWords.Of(lexicon, "count", m => m.Meaning == "platelet-name")
                    .Concat(LexiconWords.Of(lexicon, "lab", m => m.Meaning is "haemoglobin-name" or "alt-name" or "liver-test-name"))
                    .Concat(LexiconWords.Of(lexicon, "unit", m => m.Meaning == "weight-name"))
                    .Concat(["age", "aged", "wbc", "neuts", "inr", "crp", "bp", "dose"])
                    // "plt 30 and she's 45 now": a person said to be a number is an age.
                    .Concat(["i'm", "im", "i am", "he's", "she's", "he is", "she is"])) + @"\b",
            Options);
    }
}
