using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// Body weight in kg from "70 kg", "154 lb", "11 stone"; a bare number only where weight was asked. The unit words
/// are the lexicon's (units.yaml); the arithmetic is here.
/// </summary>
public sealed partial class WeightRecognizer
{
    public const double MinKg = 25;
    public const double MaxKg = 350;

    private static readonly IReadOnlyDictionary<string, double> KgPerUnit = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["Kilogram"] = 1,
        ["Pound"] = 0.45359237,
        ["Stone"] = 6.35029318,
    };

    /// <summary>The answer to "weight?": a weight with a unit, or a bare plausible number read as kg.</summary>
    public double? Recognize(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        if (FindInText(normalized) is { } weight)
        {
            return weight;
        }

        // "75 mg" has a unit, and not a body-weight one; nor has "28 weeks" (of pregnancy) or "3 years".
        if (TextModels.Dimension.Parse(normalized).Count > 0 || TimeUnit().IsMatch(normalized))
        {
            return null;
        }

        var numbers = TextModels.Number.Parse(normalized).Select(TextModels.ValueOf).Distinct().ToList();
        return numbers is [{ } only] ? Plausible(only) : null;
    }

    /// <summary>A body weight inside a longer message: it needs a body-weight unit, or "weight"/"wt" before it.</summary>
    public double? FindInText(string? text) => FindInText(MessageText.Of(text));

    /// <summary>As <see cref="FindInText(string?)"/>, from the message already normalised.</summary>
    internal double? FindInText(MessageText text)
    {
        var normalized = text.Normalized;

        // Every message is read for a weight, and the dimension model is slow: it runs only when a body-weight unit
        // it could find is written ("kg", "kilos", "lb", "pounds", "stone", "st").
        // "12 st", "10 st 7 lb": stones the dimension model does not read.
        if (Stones().Match(normalized) is { Success: true } stones)
        {
            var pounds = stones.Groups["lb"].Success ? double.Parse(stones.Groups["lb"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var whole = double.Parse(stones.Groups["st"].Value, System.Globalization.CultureInfo.InvariantCulture) + (stones.Groups["half"].Success ? 0.5 : 0);
            return Plausible(whole * KgPerUnit["Stone"] + pounds * KgPerUnit["Pound"]);
        }

        // "70 kg", "62kgs", "154 lbs": a number and a body-weight unit, read without the model; the latest of two
        // ("was 52 kg at diagnosis and is 58 kg now", "used to be 90 kg, now 76").
        if (WithUnit().Match(normalized) is { Success: true } written
            && double.TryParse(written.Groups["n"].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var amount))
        {
            var factor = Units.Value.FactorOf(written.Groups["unit"].Value);
            if (LaterValue.After(normalized, written.Index + written.Length) is { } later && (later.Unit.Length == 0 || Units.Value.IsWeightUnit(later.Unit)))
            {
                return Plausible(later.Value * (later.Unit.Length == 0 ? factor : Units.Value.FactorOf(later.Unit)));
            }

            return Plausible(amount * factor);
        }

        var units = WeightUnitWord().IsMatch(normalized) ? TextModels.Dimension.Parse(normalized) : [];
        foreach (var result in units)
        {
            if (TextModels.SubtypeOf(result) == "Weight"
                && TextModels.UnitOf(result) is { } unit && KgPerUnit.TryGetValue(unit, out var factor)
                && TextModels.ValueOf(result) is { } value
                && !PerKilogram().IsMatch(normalized[(result.End + 1)..]))
            {
                return Plausible(value * factor);
            }
        }

        if (WeightKeyword().Match(normalized) is { Success: true } keyword)
        {
            var rest = normalized[(keyword.Index + keyword.Length)..];
            var first = TextModels.Number.Parse(rest).FirstOrDefault();
            if (first is not null && first.Start <= 3 && TextModels.ValueOf(first) is { } bare)
            {
                return Plausible(bare);
            }
        }

        return null;
    }

    private static double? Plausible(double kg) => kg is >= MinKg and <= MaxKg ? Math.Round(kg, 1) : null;

    // "2 mg/kg" is a dose, not a weight.
    [GeneratedRegex(@"^\s*/", RegexOptions.CultureInvariant)]
    private static partial Regex PerKilogram();

    private static Regex WithUnit() => Units.Value.WithUnit;

    private static Regex TimeUnit() => Units.Value.TimeUnit;

    private static Regex Stones() => Units.Value.Stones;

    private static Regex WeightUnitWord() => Units.Value.WeightUnitWord;

    private static Regex WeightKeyword() => Units.Value.WeightKeyword;

    private static readonly Lazy<UnitWords> Units = new(() => new UnitWords(ReadingLexicon.Default));

    /// <summary>The weight grammar, with its unit words and weight names from the lexicon (units.yaml).</summary>
    private sealed class UnitWords(ReadingLexicon lexicon)
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

        private static string Words(ReadingLexicon lexicon, params string[] meanings) => LexiconWords.Alternation(lexicon, "unit", meanings);

        // "28 weeks", "3 years": a length of time, not a weight.
        public Regex TimeUnit { get; } = new(@"\d\s*" + Words(lexicon, "duration", "year") + @"\b", Options);

        // "12 st", "10 st 7 lb", "11 stone 4", "15st 2lb": stones the dimension model does not read. A bare "st" needs a
        // space before it ("21st" is a date) or pounds after it.
        public Regex Stones { get; } = new(
            @"\b(?<st>\d{1,2}(?:\.\d)?)(?<half>\s+and a half)?(?:\s+" + Words(lexicon, "stone") + @"|\s*" + LexiconWords.Alternation(LexiconWords.Of(lexicon, "unit", m => m.Meaning == "stone").Where(w => w.Length > 2)) +
            @"|\s*" + Words(lexicon, "stone") + @"(?=\s*\d{1,2}\s*" + Words(lexicon, "pound") + @"\b))\b" +
            @"(?:\s*(?<lb>\d{1,2})\s*" + Words(lexicon, "pound") + @"?\b)?",
            Options);

        // Whether a body-weight unit is written at all ("70kg", "154 lbs", "11 stone"): the dimension model is slow.
        public Regex WeightUnitWord { get; } = new(@"(?:\b|\d)" + Words(lexicon, "kilogram", "pound", "stone") + @"\b", Options);

        private readonly Dictionary<string, double> factors = LexiconWords.Of(lexicon, "unit", m => m.Meaning == "kilogram").Select(w => (w, 1.0))
            .Concat(LexiconWords.Of(lexicon, "unit", m => m.Meaning == "pound").Select(w => (w, KgPerUnit["Pound"])))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

        // "70 kg", "62kgs", "154 lbs", "70.5 kilos" (not "2 mg/kg", a dose).
        public Regex WithUnit { get; } = new(@"(?<![\d.])(?<n>\d{1,3}(?:\.\d+)?)\s*(?<unit>" + Words(lexicon, "kilogram", "pound") + @")\b(?!\s*/)", Options);

        public double FactorOf(string unit) => factors.TryGetValue(unit, out var factor) ? factor : 1;

        public bool IsWeightUnit(string unit) => factors.ContainsKey(unit);

        public Regex WeightKeyword { get; } = new(@"\b" + Words(lexicon, "weight-name") + @"\b\s*(?:is|of|=|:)?", Options);
    }
}
