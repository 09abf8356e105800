using System.Globalization;
using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// The contract-v2 lab values inside a message: haemoglobin in g/dL ("Hb 8.9", "Hb 101 g/L", "haemoglobin's 87",
/// "Hb has come down to 8.3"), ALT as a multiple of its upper limit ("ALT 3x ULN", "alanine transaminase three times
/// normal", "ALT 150 U/L, normal up to 50"), and hepatitis B status from serology ("HBsAg -ve, anti-HBc +ve" is a
/// resolved infection, "sAg+" a chronic one). The words are the lexicon's (labs.yaml); the grammar is here.
/// </summary>
internal static class LabResultRecognizer
{
    /// <summary>Haemoglobin in g/dL; the latest when an earlier value is also given ("was 8 in May, today 11.4").</summary>
    public static double? Haemoglobin(string normalized)
    {
        var match = Words.Value.Hb.Match(normalized);
        if (!match.Success || !TryNumber(match.Groups["value"].Value, out var value))
        {
            return null;
        }

        // "Hb dropped 3 g", "Hb dropped 2.5 second time": the size of a fall, not a level. "(haemolysed, Hb 7.9), not
        // repeated": a value told as a drug's harm, in brackets beside it, is that drug's story, not today's value.
        if (DropAmount().IsMatch(match.Value) || HarmInBrackets(normalized, match.Index))
        {
            return null;
        }

        var unit = match.Groups["unit"].Value;
        if (Step().Match(normalized, match.Index + match.Length) is { Success: true } step && TryNumber(step.Groups["value"].Value, out var reached))
        {
            // "Hb dropped from 12.4 to 10.1": the value it reached is today's.
            (value, unit) = (reached, step.Groups["unit"].Success ? step.Groups["unit"].Value : unit);
        }
        else if (LaterValue.After(normalized, match.Index + match.Length) is { } later && (later.Unit.Length == 0 || Words.Value.HbUnit.IsMatch(later.Unit)))
        {
            (value, unit) = (later.Value, later.Unit.Length > 0 ? later.Unit : unit);
        }

        // g/L written as "85" or "85 g/l"; the contract keeps g/dL.
        var compact = unit.Replace(" ", string.Empty, StringComparison.Ordinal);
        var perLitre = compact is "g/l" or "gl" || (compact.Length == 0 && value > 25);
        var gPerDl = perLitre ? value / 10 : value;
        return gPerDl is > 1 and < 25 ? Math.Round(gPerDl, 1) : null;
    }

    /// <summary>ALT as a multiple of the upper limit of normal, when the message gives it as one or as a value and its limit.</summary>
    public static double? AltTimesUpperLimit(string normalized)
    {
        var times = Words.Value.AltTimes.Match(normalized);
        if (times.Success && Multiple(times) is { } multiple)
        {
            return multiple is > 0 and < 100 ? multiple : null;
        }

        var pair = Words.Value.AltOverUln.Match(normalized);
        if (pair.Success && TryNumber(pair.Groups["value"].Value, out var alt) && TryNumber(pair.Groups["uln"].Value, out var uln) && uln > 0)
        {
            var ratio = Math.Round(alt / uln, 1);
            return ratio is > 0 and < 100 ? ratio : null;
        }

        return null;
    }

    /// <summary>"stopped when ALT hit 5x ULN", "previously ALT 3x ULN": a past value, the reason a drug was stopped, not today's.</summary>
    public static bool PastAlt(string normalized)
    {
        if (Words.Value.AltTimes.Match(normalized) is not { Success: true } times)
        {
            return false;
        }

        var clause = UnderstandingText.ClauseAt(normalized, times.Index);
        if (PastBeforeAlt().IsMatch(normalized.AsSpan(clause.Start, times.Index - clause.Start)))
        {
            return true;
        }

        // The value in brackets beside the stop it caused: "stopped Feb (transaminitis, ALT 6x)", "liver tests went up
        // (ALT 5x), stopped". Not past a full stop or a semicolon, so "stopped pred; ALT 3x now" stays today's.
        var from = Math.Max(0, Math.Max(normalized.LastIndexOfAny(['.', ';'], Math.Max(0, times.Index - 1)) + 1, times.Index - 40));
        var before = normalized.AsSpan(from, times.Index - from);
        var after = normalized.AsSpan(times.Index + times.Length);
        var end = after.IndexOfAny('.', ';');
        after = after[..Math.Min(end < 0 ? after.Length : end, 30)];
        return (before.Contains('(') && PastBeforeAlt().IsMatch(before)) || StopAfterAlt().IsMatch(after);
    }

    /// <summary>
    /// Hepatitis B status from the serology markers and their results: surface antigen positive is chronic infection;
    /// core antibody positive with the surface antigen not positive is resolved; markers all negative is negative.
    /// </summary>
    public static HbvStatus? HbvSerology(string normalized)
    {
        bool? surface = null, core = null;
        var screenNegative = false;
        foreach (Match marker in Words.Value.Marker.Matches(normalized))
        {
            if (marker.Groups["screen"].Success)
            {
                screenNegative = true;
                continue;
            }

            var positive = marker.Groups["pos"].Success || marker.Groups["pos2"].Success || marker.Groups["pos3"].Success;
            if (marker.Groups["both"].Success)
            {
                surface = (surface ?? false) || positive;
                core = (core ?? false) || positive;
            }
            else if (marker.Groups["sag"].Success || marker.Groups["sag2"].Success)
            {
                surface = (surface ?? false) || positive;
            }
            else
            {
                core = (core ?? false) || positive;
            }
        }

        return surface == true ? HbvStatus.Chronic
            : core == true ? HbvStatus.Resolved
            : surface == false || core == false || screenNegative ? HbvStatus.Negative
            : null;
    }

    /// <summary>Serology read here and the lexicon's words ("chronic hep B") agree by the stronger status.</summary>
    public static HbvStatus? Strongest(HbvStatus? a, HbvStatus? b) =>
        a == HbvStatus.Chronic || b == HbvStatus.Chronic ? HbvStatus.Chronic
        : a == HbvStatus.Resolved || b == HbvStatus.Resolved ? HbvStatus.Resolved
        : a ?? b;

    private static double? Multiple(Match times)
    {
        if (times.Groups["word"].Success)
        {
            var word = times.Groups["word"].Value;
            return Words.Value.TwiceWord.IsMatch(word) ? 2
                : Words.Value.ThreeTimesWord.IsMatch(word) ? 3
                : TextModels.Number.Parse(word).Select(TextModels.ValueOf).FirstOrDefault();
        }

        return TryNumber(times.Groups["value"].Value, out var n) ? n : null;
    }

    // Whether a value at this index sits inside brackets that tell a harm ("(Hb 7.9)" after "caused haemolysis", "(NR,
    // and Hb dropped to 8)"): the bracket or its sentence speaks of haemolysis, a fall, or a drug not given again.
    private static bool HarmInBrackets(string normalized, int index)
    {
        var open = normalized.LastIndexOf('(', index);
        if (open < 0 || normalized.IndexOf(')', open) is var close && close >= 0 && close < index)
        {
            return false;
        }

        var from = normalized.LastIndexOfAny(['.', ';', '\n'], open) + 1;
        var to = normalized.IndexOfAny(['.', ';', '\n'], index);
        var sentence = normalized[from..(to < 0 ? normalized.Length : to)];
        var bracket = normalized[open..(close < 0 ? normalized.Length : close)];
        return HarmWord().IsMatch(sentence) || FallWord().IsMatch(bracket);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static readonly Regex DropAmountRegex = new(
        @"\b(?:dropped|fell|fallen|drop|fall|down)\s+(?:by\s+)?(?:about\s+|around\s+)?\d{1,3}(?:\.\d+)?\s*(?:g\s*/\s*d\s*l|g\s*/\s*l|gdl|gl|g/dl|g/l|g)?$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex DropAmount() => DropAmountRegex;

    private static readonly Regex StepRegex = new(
        @"\G\s*(?:-+>|→|=>|\bto\b)\s*(?<value>\d{1,3}(?:\.\d+)?)\s*(?<unit>g\s*/\s*d\s*l|g\s*/\s*l|g/dl|g/l)?(?![\d.]*\s*(?:%|x\b|mg\b|kg\b|mmol|/\d))",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex Step() => StepRegex;

    private static readonly Regex HarmWordRegex = new(
        @"\b(?:ha?emoly\w*|not repeated|no more|never again|not again|not given again)\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex HarmWord() => HarmWordRegex;

    private static readonly Regex FallWordRegex = new(
        @"\b(?:dropped|fell|fallen|drop|fall|crashed)\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex FallWord() => FallWordRegex;

    private static readonly Regex StopAfterAltRegex = new(
        @"^\W{0,3}(?:(?:so|and|then)\s+(?:[a-z]+\s+){0,2}?)?(?:it\s+|was\s+|were\s+|had\s+|to\s+be\s+)*(?:stopp\w*|discontinu\w*|ceased|withdrawn)\b",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex StopAfterAlt() => StopAfterAltRegex;

    private static readonly Regex PastBeforeAltRegex = new(
        @"\b(?:stopp\w*|discontinu\w*|came off|ceased|withdrawn|previously|history of|hx of|used to|had been|peaked)\b",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex PastBeforeAlt() => PastBeforeAltRegex;

    private static readonly Lazy<LabWords> Words = new(() => new LabWords(ReadingLexicon.Default));

    /// <summary>The lab grammar, with its names, links and result words from the lexicon (labs.yaml).</summary>
    private sealed class LabWords
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

        public LabWords(ReadingLexicon lexicon)
        {
            string Of(params string[] meanings) => LexiconWords.Alternation(lexicon, "lab", meanings);

            var link = Of("link", "upper-limit");
            const string Units = @"g\s*/\s*d\s*l|g\s*/\s*l|gdl|gl|g/dl|g/l";

            // "hb 8.9", "hb8.9", "hb: 89", "haemoglobin's 87", "hb has come down to 8.3", "hb normal at 13.6"
            Hb = new Regex(
                @"(?<![a-z])" + Of("haemoglobin-name") + @"(?:'s)?(?=[\s:=\d~-]|$)(?:\s*(?:[:=~,-]|from\b|" + link + @"\b))*\s*(?<value>\d{1,3}(?:\.\d+)?)\s*(?<unit>" + Units + @")?(?![\d.]*\s*(?:%|x\b|mg\b|kg\b|mmol|/\d))",
                Options);
            HbUnit = new Regex("^(?:" + Units + ")$", Options);

            // "alt 3x uln", "alanine transaminase three times normal", "lfts twice the upper limit", "alt 3-fold uln"
            var names = LexiconWords.Alternation(LexiconWords.Of(lexicon, "lab", m => m.Meaning is "alt-name" or "liver-test-name"));
            var times = @"(?:\s*-?\s*(?:x|times\b|fold\b))";
            // A number with "x" or "fold" is a multiple even with no limit named ("ALT 3.5x", "ALT 2x not 4x"):
            // "times" and the words need the limit ("checked ALT 3 times" is no multiple).
            var upper = @"\s*(?:the\s+)?" + Of("upper-limit") + @"\b";
            AltTimes = new Regex(
                @"\b" + names + @"\b[^.;\d]{0,20}?(?:(?<value>\d{1,2}(?:\.\d+)?)\s*-?\s*(?:x|fold)\b(?:" + upper + @")?|(?:(?<value>\d{1,2}(?:\.\d+)?)" + times + "|(?<word>" + Of("twice", "three-times") + @")\b(?:" + times + ")?|\\b(?<word>[a-z]+(?: and a half)?)" + times + ")" + upper + ")",
                Options);
            TwiceWord = new Regex("^" + Of("twice") + "$", Options);
            ThreeTimesWord = new Regex("^" + Of("three-times") + "$", Options);

            // "alt 150 u/l, normal up to 50", "alt 200 iu/l (ref range 0-40)", "alt 120 uln 40"
            AltOverUln = new Regex(
                @"\b" + Of("alt-name") + @"\b(?:\s*(?:[:=]|" + link + @"\b))*\s*(?<value>\d{1,4})\s*(?:i?u\s*/\s*l|iu|units?(?:\s*/\s*l)?)?[^.;\d]{0,12}?\b" + Of("upper-limit", "reference-range") +
                @"\b(?:\s*(?:[:=<(]|" + Of("range-link", "link") + @"\b))*\s*(?:\d{1,3}\s*(?:-|to)\s*)?(?<uln>\d{1,3})\b",
                Options);

            // A marker then its result ("hbsag -ve", "anti-hbc +", "core antibody positive", "sag-"), or a result
            // then its marker ("positive for hbsag", "reactive anti-hbc").
            var surface = Of("surface-antigen");
            var core = Of("core-antibody");
            var positive = @"(?:\+\s*ve\b|\+|" + Of("result-positive") + @"\b)";
            var negative = @"(?:-\s*ve\b|-(?=\s|,|;|\.|\)|$)|" + Of("result-negative") + @"\b)";
            // ... and "HBsAg still positive", "anti-core came back negative", and both markers with one result ("both
            // HBsAg and anti-HBc negative", "sAg/cAb neg").
            const string ResultLink = @"(?:\s*(?::|=|is|was|are|were|still|remains|remained|now|both|came back|come back|has come back|returned))*";
            Marker = new Regex(
                @"(?<![a-z])(?<both>(?:" + surface + @")\s*(?:and|&|/|\+|,)\s*(?:" + core + @")|(?:" + core + @")\s*(?:and|&|/|\+|,)\s*(?:" + surface + @"))(?:\s+(?:igg|total))?" + ResultLink + @"\s*(?:(?<pos3>" + positive + ")|" + negative + ")" +
                @"|(?<![a-z])(?:(?<sag>" + surface + ")|" + core + @")(?:\s+(?:igg|total))?" + ResultLink + @"\s*(?:(?<pos>" + positive + ")|" + negative + ")" +
                "|(?:(?<pos2>" + Of("result-positive") + ")|" + Of("result-negative") + @")\s+(?:for\s+)?(?:(?<sag2>" + surface + ")|" + core + @")\b" +
                @"|(?<![a-z])(?<screen>" + Of("hbv-name") + @")(?:\s*(?::|=|-|is|was|were|came back|all))*\s*" + negative,
                Options);
        }

        public Regex Hb { get; }

        public Regex HbUnit { get; }

        public Regex AltTimes { get; }

        public Regex TwiceWord { get; }

        public Regex ThreeTimesWord { get; }

        public Regex AltOverUln { get; }

        public Regex Marker { get; }
    }
}
