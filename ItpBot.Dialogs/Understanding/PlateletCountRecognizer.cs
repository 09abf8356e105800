using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// A platelet count in × 10⁹/L from the ways clinicians write it: "12", "12k", "12,000", "12 x 10^9/L",
/// "twelve thousand", "plt 12", "plats 21", "plt20", "pltelets 44", "at 41k". Counts over 2000 are read as per µL and
/// divided by 1000. The names of the count and the time words are the lexicon's (counts.yaml); the grammar is here.
/// </summary>
public sealed partial class PlateletCountRecognizer
{
    /// <summary>The contract's upper bound, × 10⁹/L.</summary>
    public const double MaxCount = 2000;

    private const string SiMarker = " siunit ";
    private const string PerMicrolitreMarker = " perul ";

    /// <summary>
    /// The count when the whole answer is one count; null when there is none, several, or nonsense. A number that
    /// says it is something else ("52 years", "age 52", "70 kg") is not a count, even as the answer to the count.
    /// </summary>
    public double? Recognize(string? text)
    {
        var normalized = Mark(UnderstandingText.Normalize(text));
        var values = Numbers(normalized)
            .Where(n => !OtherUnit().IsMatch(normalized[n.End..]) && !OtherCue().IsMatch(normalized[..n.Start]))
            .Select(n => Normalise(n.Value, n.PerMicrolitre))
            .Distinct()
            .ToList();
        return values.Count == 1 ? values[0] : null;
    }

    /// <summary>
    /// A count inside a longer message: only a number that is named as a platelet count ("plt 12k",
    /// "platelets 12", "count of 12", "eltrombopag has him at 70") or carries the unit ("12 x 10^9/L"), so that ages
    /// and doses are left alone. Of several, the count now: one marked as the latest ("now 11", "its 85 now",
    /// "current: ... plt 140") wins over one merely named first; a count's story ("plt 9 to 180 to 12 in a
    /// fortnight", "from 110 to 30") gives its last value only when the sentence says it holds now ("rising 15->45").
    /// </summary>
    public double? FindInText(string? text) => FindInText(MessageText.Of(text));

    /// <summary>
    /// As <see cref="FindInText(string?)"/>, from the message already normalised. In a treatment's story
    /// (<paramref name="treatmentStory"/>: the message tells ITP treatments) a bare number said as the latest is the
    /// count even when the count is never named ("Avatrombopag was brilliant, then it fell off. Now 14.", "three weeks
    /// on eltrombopag, 22 today"): what else a treatment moves is the count. It counts only when no named count is told.
    /// </summary>
    internal double? FindInText(MessageText text, bool treatmentStory = false)
    {
        var normalized = Mark(text.Normalized);
        double? first = null;
        double? latest = null;
        double? unnamedLatest = null;
        var named = false;
        var storyEnd = 0;
        foreach (var number in Numbers(normalized))
        {
            if (number.Start < storyEnd)
            {
                continue;
            }

            var clause = UnderstandingText.ClauseAt(normalized, number.Start);
            var before = normalized[clause.Start..number.Start];
            var after = normalized[number.End..];
            // "low platelets in August 2019": a year is never a count.
            if (!number.HasUnit && Year().IsMatch(normalized.AsSpan(number.Start, number.End - number.Start)))
            {
                continue;
            }

            var heldAt = HeldAt().IsMatch(before);
            var stepped = false;
            var isNamed = number.HasUnit
                || ((Keyword().IsMatch(before) || heldAt) && !OtherUnit().IsMatch(after) && !OtherCue().IsMatch(before) && !PersonIs().IsMatch(before));
            if (!isNamed)
            {
                // "plt 3 -> 89. Relapsed at 6/52. Now 11.", "... and its 85 now": once a count is named, a bare number
                // said as the latest is the count now.
                if (named && BareLatest(normalized, number.Start, after) && !OtherUnit().IsMatch(after) && !OtherCue().IsMatch(before))
                {
                    latest = Normalise(number.Value, number.PerMicrolitre) ?? latest;
                }
                else if (treatmentStory && !named && (BareLatest(normalized, number.Start, after) || ClosesStory(normalized, number.Start, after))
                         && !OtherUnit().IsMatch(after)
                         && !OtherCue().IsMatch(before) && !PersonIs().IsMatch(before) && !Ordinal().IsMatch(after))
                {
                    unnamedLatest = Normalise(number.Value, number.PerMicrolitre) ?? unnamedLatest;
                }

                continue;
            }

            named = true;
            if (RangeEnd(normalized, number, clause.Start) is { } rangeEnd)
            {
                // "count 120-180", "platelets between 20 and 30": a range is how the count runs, not today's count.
                storyEnd = rangeEnd;
                if (LaterValue.After(normalized, rangeEnd) is { } afterRange && !OtherUnit().IsMatch(afterRange.Unit))
                {
                    latest = Normalise(afterRange.Value, number.PerMicrolitre) ?? latest;
                }

                continue;
            }

            var value = Normalise(number.Value, number.PerMicrolitre);
            if (Sequence().Match(normalized, number.End) is { Success: true } sequence)
            {
                // "plt 8->210 (d10) -> 14 (d35)": a count over time. Its last value is the count now when the sentence
                // says so ("so far", "rising", "now"); three values or more without it are a treatment's story.
                var end = sequence.Index + sequence.Length;
                if (HoldsNow(normalized, number.Start, end))
                {
                    storyEnd = end;
                    latest = ParsedLast(sequence, number.PerMicrolitre) ?? latest;
                    continue;
                }

                if (sequence.Groups["value"].Captures.Count > 1)
                {
                    storyEnd = end;
                    continue;
                }

                // "count 22 → 48", "plt from 15 to 42": one step, and the count it reached is the latest told, unless
                // the sentence goes on to lose it ("took plt from 8 to 150, tapered, relapsed 2 months later"). A
                // step down from a peak ("a max of 120, then back to 18") is read below as the story it is.
                if (!StoryValue().IsMatch(before) || StepStart().IsMatch(before))
                {
                    storyEnd = end;
                    if (LapsesAfter(normalized, end))
                    {
                        continue;
                    }

                    value = ParsedLast(sequence, number.PerMicrolitre);
                    after = normalized[end..];
                    stepped = true;
                }
            }

            // "plt up to 150 then back to 12", "from 110 to 30": a story's peak or start is not the count now; a
            // later count may be. A person held at a level is not a story ("has got him up to 64").
            if (!heldAt && !stepped && StoryValue().IsMatch(before) && !BackTo().IsMatch(before) && !Latest().IsMatch(after))
            {
                continue;
            }

            if (ThenNow().Match(after) is { Success: true } then
                && double.TryParse(then.Groups["value"].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var now))
            {
                latest = Normalise(now, number.PerMicrolitre) ?? latest;
                continue;
            }

            if (Latest().IsMatch(after) || CurrentBefore(normalized, clause.Start, number.Start))
            {
                latest = value ?? latest;
                continue;
            }

            // "count usually 40-50 but 19 now", "was 150 on romi last yr, now 22": the latest said after it.
            if (LaterValue.After(normalized, Math.Max(number.End, storyEnd)) is { } later && !OtherUnit().IsMatch(later.Unit))
            {
                latest = Normalise(later.Value, number.PerMicrolitre) ?? latest;
                continue;
            }

            first ??= value;
        }

        return latest ?? first ?? unnamedLatest;
    }

    // The end of a range that starts with this count ("120-180", "40 – 60k", "between 20 and 30"), or null. A dash
    // to a smaller number is not a range ("plt 12 - 3 days ago" is read elsewhere).
    private static int? RangeEnd(string normalized, (double Value, int Start, int End, bool HasUnit, bool PerMicrolitre) number, int clauseStart)
    {
        var dash = RangeDash().Match(normalized, number.End);
        var between = Between().IsMatch(normalized.AsSpan(clauseStart, number.Start - clauseStart)) ? RangeAnd().Match(normalized, number.End) : Match.Empty;
        var range = dash.Success ? dash : between;
        return range.Success
            && double.TryParse(range.Groups["value"].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var high)
            && high > number.Value
            ? range.Index + range.Length
            : null;
    }

    // Whether the sentence after a count's one step says the count was lost again ("relapsed", "fell back").
    private static bool LapsesAfter(string normalized, int end)
    {
        var to = normalized.IndexOfAny(SentenceEnds, end);
        return Words.Value.Lapse.IsMatch(normalized.AsSpan(end, (to < 0 ? normalized.Length : to) - end));
    }

    // The last number of a matched sequence.
    private static double? ParsedLast(Match sequence, bool perMicrolitre)
    {
        var captures = sequence.Groups["value"].Captures;
        return captures.Count > 0
            && double.TryParse(captures[^1].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var last)
            ? Normalise(last, perMicrolitre)
            : null;
    }

    // Whether the sentence around a count's story says it holds now: a latest or ongoing word in it.
    private static bool HoldsNow(string normalized, int start, int end)
    {
        var from = normalized.LastIndexOfAny(SentenceEnds, Math.Max(0, start - 1)) + 1;
        var to = normalized.IndexOfAny(SentenceEnds, end);
        var sentence = normalized[from..(to < 0 ? normalized.Length : to)];
        return Ongoing().IsMatch(sentence) || Words.Value.LatestAnywhere.IsMatch(sentence);
    }

    // A latest or ongoing word earlier in the same sentence, with no earlier-time word after it: "Current:
    // eltrombopag 50mg od, plt 140", "now on romiplostim, 8 weeks, plt 160", "plt stable ~100".
    private static bool CurrentBefore(string normalized, int clauseStart, int start)
    {
        var from = normalized.LastIndexOfAny(SentenceEnds, Math.Max(0, start - 1)) + 1;
        var sentence = normalized[from..start];
        var clause = normalized[Math.Max(from, clauseStart)..start];
        return (Words.Value.CurrentLead.IsMatch(sentence) || Ongoing().IsMatch(clause))
            && !Words.Value.EarlierAnywhere.IsMatch(sentence);
    }

    // "Now 11.", "now I'm at 12", "its 85 now", "and it's 30 today": a number with only a few linking words before
    // it in its clause, said as the latest.
    private static bool BareLatest(string normalized, int start, string after)
    {
        var clause = UnderstandingText.ClauseAt(normalized, start);
        var lead = normalized[clause.Start..start];
        var linking = BareLead().Match(lead);
        linking = linking.Success ? linking : BareTail().Match(lead);
        return linking.Success && (Words.Value.LatestAnywhere.IsMatch(linking.Value) || Latest().IsMatch(after));
    }

    // "...Then eltrombopag which I'm on now, 130.", "max dose, still 12", "she's still stuck at 12": a number alone in
    // the last clause of a treatment's story, with only linking words before it, is where the story has got to.
    private static bool ClosesStory(string normalized, int start, string after)
    {
        var clause = UnderstandingText.ClauseAt(normalized, start);
        var lead = PersonOpening().Replace(normalized[clause.Start..start], string.Empty, 1);
        return StoryEnd().IsMatch(after) && BareLead().IsMatch(lead);
    }

    private static readonly char[] SentenceEnds = ['.', ';', '!', '?', '\n'];

    private static double? Normalise(double value, bool perMicrolitre)
    {
        if (value < 0 || double.IsNaN(value))
        {
            return null;
        }

        var count = perMicrolitre || value > MaxCount ? value / 1000 : value;
        return count > MaxCount ? null : Math.Round(count, 1);
    }

    private static string Mark(string normalized)
    {
        // "pltelets 44", "plt20": a misspelt name is the name, and a name glued to its number is read apart.
        var named = GluedToNumber().Replace(PlateletWord.Correct(normalized), "${name} ");

        // "x 10^3/µL" is thousands per µL, the same as × 10⁹/L: it must be marked before a bare "/µL".
        var marked = SiUnit().Replace(named, SiMarker);
        return PerMicrolitre().Replace(marked, PerMicrolitreMarker);
    }

    private static IEnumerable<(double Value, int Start, int End, bool HasUnit, bool PerMicrolitre)> Numbers(string marked)
    {
        foreach (var result in TextModels.Number.Parse(marked))
        {
            // "for 8/12" is months, "1/2" a half: a count is never a fraction.
            if (TextModels.SubtypeOf(result) is "power" or "percentage" or "fraction" || TextModels.ValueOf(result) is not { } value)
            {
                continue;
            }

            var rest = marked[(result.End + 1)..].TrimStart();
            var perMicrolitre = rest.StartsWith(PerMicrolitreMarker.Trim(), StringComparison.Ordinal);
            var si = rest.StartsWith(SiMarker.Trim(), StringComparison.Ordinal);
            // "41k", "at 41k this week": thousands per µL, the way patients and clinicians say a count ("£41k" is not).
            var thousands = Thousands().IsMatch(result.Text) && (result.Start == 0 || marked[result.Start - 1] is not ('£' or '$' or '€'));
            yield return (value, result.Start, result.End + 1, si || perMicrolitre || thousands, perMicrolitre);
        }
    }

    // "x 10^9/L", "x10*9/l", "× 10⁹/L" (normalised to "x 10^9/l"), "10^9/l", "e9/l", "x 10^3/µL".
    [GeneratedRegex(@"\s*(?:x|\*)\s*10\s*(?:\^|\*\*|\*|e)?\s*3\s*(?:/\s*(?:µl|ul|mcl|mm\^?3|cumm|microlit(?:re|er))|per\s+(?:µl|ul|microlit(?:re|er)|mm\^?3))\b|\s*(?:(?:x|\*)\s*10\s*(?:\^|\*\*|\*|e)?\s*9|\b10\s*\^\s*9|e9)(?:\s*/\s*l(?:itre|iter)?\b|\s*per\s+lit(?:re|er)\b)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex SiUnit();

    [GeneratedRegex(@"\s*(?:/\s*(?:µl|ul|mcl|mm\^?3|cumm|microlit(?:re|er))|per\s+(?:µl|ul|microlit(?:re|er)|cubic millimet(?:re|er)|mm\^?3))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex PerMicrolitre();

    // "count 3 days ago", "platelets for 2 weeks": a number of something else.
    [GeneratedRegex(@"^\s*(?:\+\s*\d|days?|weeks?|wks?|months?|years?|yrs?|y\b|yo\b|y/o|hours?|h\b|mg|mcg|µg|ug|kg|g\b|lbs?\b|%|times|doses?|units?|ml)", RegexOptions.CultureInvariant)]
    private static partial Regex OtherUnit();

    // "age 52", "weight: 70", "Hb 90": the number just after another measure's name.
    [GeneratedRegex(@"\b(?:age|aged|weighs?|weight|wt|hb|ha?emoglobin|wbc|bmi|dose)\s*(?:is|of|=|:)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherCue();

    // "eltrombopag has him at 70", "keeping me at about 80", "now I'm at 12": a person held at a level is a count.
    [GeneratedRegex(@"\b(?:(?:has|have|had|keeps|keep|keeping|kept|got|gets|getting|holds|holding|held|brought|brings|bringing)\s+(?:him|her|me|them|us)\s+(?:(?:back\s+)?(?:up|down)\s+to|(?:up\s+|down\s+|sitting\s+|running\s+)?at)|(?:keeps|keeping|holds|holding|(?:has|have|'s|'ve)\s+(?:kept|held))\s+(?:him|her|me|them|us)\s+(?:around|about)|(?:he|she|i|they|it|count|counts|platelets|plts|response)\s+(?:still\s+|now\s+)?(?:sits|sit|sitting|hovers|hovering|runs|running|holding|holds|steady)\s+(?:at|around|about)|(?:i'm|im|i am|he's|she's|he is|she is|we're|they're)\s+(?:now\s+)?(?:up\s+|down\s+|sitting\s+|running\s+)?at)\s*(?:about|around|roughly|approx|~)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeldAt();

    // "8->210 (d10) -> 14 (d35)", "9 to 180 to 12", "15->45", "150 then back to 12": a count followed by later ones.
    [GeneratedRegex(@"\G(?:\s*k\b)?(?:\s*\([^()]{0,20}\))?(?:\s*(?:->|=>|→|>|\bto\b|,?\s*then(?:\s+(?:back|went|fell|rose|dropped))?(?:\s+(?:down|up))?\s+to\b)\s*(?:about|around|~)?\s*(?<value>\d+(?:\.\d+)?)(?![\d/])(?:\s*k\b)?(?!\s*(?:days?|weeks?|wks?|months?|years?|yrs?|mg|mcg|kg|%|/))(?:\s*\([^()]{0,20}\))?)+", RegexOptions.CultureInvariant)]
    private static partial Regex Sequence();

    // "120-180", "40 – 60k": a second, larger number after a dash.
    [GeneratedRegex(@"\G(?:\s*k\b)?\s*(?:-|–|—)\s*(?<value>\d+(?:\.\d+)?)(?![\d/.]\d)(?:\s*k\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex RangeDash();

    // "between 20 and 30": the second number of a range opened by "between".
    [GeneratedRegex(@"\G(?:\s*k\b)?\s*(?:and|&)\s*(?<value>\d+(?:\.\d+)?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RangeAnd();

    // "from 15 (to 42)": the start of a step, where other story words before a count mark a peak or a threshold.
    [GeneratedRegex(@"\bfrom\s*(?:about|around|roughly|approx|~)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex StepStart();

    // "count back up to 70", "back to 80": a return to a level is the count now, not a story's peak ("up to 150").
    [GeneratedRegex(@"\bback\s+(?:up\s+|down\s+)?to\s*(?:about|around|roughly|approx|~)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BackTo();

    [GeneratedRegex(@"\bbetween\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Between();

    // "plt 30 and she's 45 now": a person said to be a number is an age, whatever was named before.
    [GeneratedRegex(@"\b(?:i'm|im|i am|he's|hes|she's|shes|he is|she is)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonIs();

    // Words saying a level holds now ("so far", "rising", "holding", "stable").
    [GeneratedRegex(@"\b(?:so far|still|rising|climbing|improving|recovering|going up|creeping up|holding|stable|steady|staying|sustained|maintained|ongoing|continuing|current(?:ly)?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ongoing();

    // Only the end of the message after a number ("130.", "75-ish", "35!"): nothing else follows it.
    [GeneratedRegex(@"^(?:\s*-?\s*ish)?\s*[.!]*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex StoryEnd();

    // "she's still stuck at 12": who the story is about, opening its last clause.
    [GeneratedRegex(@"^\s*(?:he's|she's|i'm|im|he is|she is|i am)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PersonOpening();

    // "... and its 85 now", "but it's now 30": the count said again in a clause's last words.

    [GeneratedRegex(@"\b(?:and|but|so|now)\s+(?:now\s+)?(?:it's|its|it is|they're|theyre|they are)\s*(?:now\s+|currently\s+)?(?:at\s+)?(?:about|around|~)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareTail();

    // Only linking words between a clause's start and its number.
    [GeneratedRegex(@"^\s*(?:(?:and|but|so|now|currently|today|it's|its|it is|they're|theyre|they are|(?:stable|steady|holding|sitting|running|staying|stuck|finally)(?:\s+at)?|at|about|around|~|down to|up to|back to|back up to|back down to|relapsed to|dropped to|fallen to|fell to|still|again|only|just|plt|count|(?:he|she|i|they|it|we)\s+(?:has|have)|has|have)\s*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareLead();

    private static Regex Keyword() => Words.Value.Keyword;

    private static Regex GluedToNumber() => Words.Value.GluedToNumber;

    private static Regex ThenNow() => Words.Value.ThenNow;

    private static Regex StoryValue() => Words.Value.StoryValue;

    private static Regex Latest() => Words.Value.Latest;

    [GeneratedRegex(@"^\d+\s*k$", RegexOptions.CultureInvariant)]
    private static partial Regex Thousands();

    [GeneratedRegex(@"^(?:19|20)\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    // "now 3 weeks", "day 5": not a count (units are read by OtherUnit); "now 2nd course" is an ordinal.
    [GeneratedRegex(@"^(?:st|nd|rd|th)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();

    private static readonly Lazy<CountWords> Words = new(() => new CountWords(ReadingLexicon.Default));

    /// <summary>The count grammar, with the count's names and the time words from the lexicon (counts.yaml).</summary>
    private sealed class CountWords(ReadingLexicon lexicon)
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

        public Regex Keyword { get; } = new(@"\b" + LexiconWords.Alternation(lexicon, "count", "platelet-name") + @"\b", Options);

        // "plt20", "plts 20" (only names without spaces can be glued).
        public Regex GluedToNumber { get; } = new(
            @"\b(?<name>" + LexiconWords.Alternation(LexiconWords.Of(lexicon, "count", m => m.Meaning == "platelet-name").Where(w => !w.Contains(' ', StringComparison.Ordinal))) + @")(?=\d)",
            Options);

        // "rose to 150", "peaked at about 90", "from 110": the words just before a count that make it a story's value.
        public Regex StoryValue { get; } = new(
            @"\b" + LexiconWords.Alternation(lexicon, "count", "story-value") + @"\s*(?:about|around|roughly|approx|~)?\s*$", Options);

        // A latest word anywhere in a stretch of text; "current:" and "now on" leading a sentence.
        public Regex LatestAnywhere { get; } = new(@"\b" + LexiconWords.Alternation(lexicon, "count", "latest") + @"\b", Options);

        public Regex CurrentLead { get; } = new(@"\b(?:" + LexiconWords.Alternation(lexicon, "count", "latest") + @"|current)\b", Options);

        // An earlier-time word anywhere in a stretch of text ("last week", "at diagnosis").
        public Regex EarlierAnywhere { get; } = new(@"\b" + LexiconWords.Alternation(lexicon, "count", "earlier") + @"\b", Options);

        // "relapsed", "fell back", "lost it": the count a story reached was lost again.
        public Regex Lapse { get; } = new(@"\b" + LexiconWords.Alternation(lexicon, "count", "lapse") + @"\b", Options);

        // "150 now", "90 currently": a latest word just after a count.
        public Regex Latest { get; } = new(
            @"^\s*(?:k\b)?\s*(?:and\s+)?(?:is\s+)?" + LexiconWords.Alternation(lexicon, "count", "latest") + @"\b", Options);

        // "platelets were 20 yesterday, 35 today", "count was 9 last year, it's 48 now": a past value, then the latest.
        public Regex ThenNow { get; } = new(
            @"^\s*(?:k\b)?\s*(?:" + LexiconWords.Alternation(lexicon, "count", "earlier") + @"|(?:\d+|a|two|three|few) (?:days?|weeks?|months?|years?) ago)\b[\s,;]*(?:(?:and|but|now|then|today|it's|it is|is|its|down to|up to|dropped to|fell to|rose to|gone up to|come up to)\b[\s,;]*)*(?<value>\d+(?:\.\d+)?)\b(?!\s*(?:days?|weeks?|months?|years?|kg|mg|%))",
            Options);
    }
}

/// <summary>
/// "pltelets", "paltelets", "plateletes", "platlets": a word one or two typing slips from "platelet(s)" is that word.
/// Checked against the whole word, so "plates" or "pallets" (three slips away) stay what they are.
/// </summary>
internal static partial class PlateletWord
{
    private static readonly string[] Spellings = ["platelets", "platelet"];

    public static string Correct(string normalized) =>
        normalized.Contains('p', StringComparison.Ordinal)
            ? Word().Replace(normalized, m => Spellings.Contains(m.Value, StringComparer.Ordinal) || !Spellings.Any(s => Slips(m.Value, s) <= 2) ? m.Value : "platelets")
            : normalized;

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    private static int Slips(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    // Words long enough to be a misspelt "platelets", starting as it does.
    [GeneratedRegex(@"\bp[a-z]{6,10}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
