using System.Globalization;
using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Outcomes;

/// <summary>One outcome told of several drugs at once, and the drugs it covers.</summary>
/// <param name="UntoldOnly">The verdict covers only the drugs of the list told with no outcome of their own: a count
/// told as unmoved after a bare list ("pred, then IVIG, then rituximab - she's still stuck at 12") leaves "pred
/// worked, then IVIG, still 12" its response.</param>
internal readonly record struct ListVerdict(IReadOnlyList<string> Drugs, TreatmentOutcome Outcome, bool UntoldOnly = false);

/// <summary>
/// A whole list given one outcome (conventions: "none of them worked", "all failed", "after pred, IVIG and ritux she
/// still sits at 12" give each drug that outcome), wherever the list stands beside its verdict:
/// <list type="bullet">
/// <item>the verdict after the list, in its sentence or in the next one when that names no drug of its own ("My dad
/// tried steroids, then rituximab, then eltrombopag. Nothing has worked");</item>
/// <item>the verdict before the list ("none of pred, IVIG, ritux or romi ever got him above 30", "nothing worked -
/// pred, IVIG, ritux");</item>
/// <item>a count told as unmoved after the list ("after pred, ivig and ritux he still sits at 12").</item>
/// </list>
/// The verdict is decided the same way whatever words carry it: a gain denied a length ("none kept her up for more
/// than a week or two", "nothing has lasted") is a response lost, relapsed; a denied rise is no response.
/// </summary>
internal static partial class ListVerdicts
{
    private const string Category = "list-verdict";

    private static string Class(string meaning) => LexiconRegex.Alternation(ReadingLexicon.Default, Category, meaning);

    private static readonly Regex Opening = new(
        @"(?:^|[.!?\n;:,(\u2013\u2014]|\s-|\b(?:and|but|so|yet|honestly|sadly|unfortunately|frankly|really|though)\b)\s*(?<q>" + Class("quantifier")
        + @")(?:\s+of\s+(?:them|these|those|the\s+\w+))?\b(?!\s+(?:" + Class("not-a-verdict") + "|" + Class("contrast") + @")\b)(?!\s*[/|])",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // Not a cell of outcomes told by position ("danazol / dapsone / romiplostim: nothing / short lived / good"): the
    // quantifier followed by a slash or a column mark is one drug's outcome (PositionalOutcomes).
    private static readonly Regex Went = new(@"\b" + Class("went") + @"\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex Lasting = new(@"\b" + Class("lasting") + @"\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // "for more than a few months", "longer than 2 weeks", "more than a 2 day bump": a gain given a length, denied.
    private static readonly Regex LimitedSpan = new(
        @"\b(?:more|longer)\s+than\s+(?:[\w-]+\s+){0,3}?" + Class("span") + @"\b",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex Contrast = new(@"\b" + Class("contrast") + @"\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex AfterAll = new(
        @"(?:^|[.!?\n;:(]|\s-)\s*(?:\w+\s+){0,2}?" + Class("after-all") + @"\b",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // "still sits at 12", "remains in single figures", "still only 15": the count told after the list.
    private static readonly Regex StillAt = new(
        @"\b" + Class("still") + @"\b(?:\s+[a-z]+){0,3}?\s+(?:~\s*)?(?<n>\d{1,3})\b(?!\d|\.\d|\s*(?:mg|mcg|kg|%|days?|weeks?|months?|years?|x\b|/))",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly double ResponseCount = double.Parse(
        LexiconRegex.Forms(ReadingLexicon.Default, "outcome-frame", "response-count").Single(), CultureInfo.InvariantCulture);

    /// <summary>Each verdict of <paramref name="normalized"/> over the drugs of <paramref name="mentions"/> (drugs
    /// taken) it covers.</summary>
    public static List<ListVerdict> Read(string normalized, IReadOnlyList<TherapyMention> mentions)
    {
        var verdicts = new List<ListVerdict>();
        var drugs = mentions.Where(m => m.TherapyId is not null).ToList();
        if (drugs.Count < 2)
        {
            return verdicts;
        }

        foreach (Match opening in Opening.Matches(normalized))
        {
            var q = opening.Groups["q"];
            var sentenceStart = SentenceStart(normalized, q.Index);
            var sentenceEnd = SentenceEnd(normalized, q.Index);
            var region = normalized[q.Index..sentenceEnd];
            var outcome = Lasting.IsMatch(region) || LimitedSpan.IsMatch(region)
                ? TreatmentOutcome.Relapsed
                : Went.IsMatch(region) ? TreatmentOutcome.NoResponse : (TreatmentOutcome?)null;
            if (outcome is not { } told)
            {
                continue;
            }

            var before = drugs.Where(d => d.Start >= sentenceStart && d.End <= q.Index).ToList();
            // "none of the steroids worked, but romiplostim did": the list before the verdict ends at a contrast.
            var listEnd = Contrast.Match(normalized, q.Index + q.Length, sentenceEnd - q.Index - q.Length) is { Success: true } contrast ? contrast.Index : sentenceEnd;
            var after = drugs.Where(d => d.Start >= q.Index + q.Length && d.End <= listEnd).ToList();
            List<TherapyMention> covered;
            if (before.Count >= 2)
            {
                covered = q.Value == "neither" ? before.TakeLast(2).ToList() : before;
            }
            else if (before.Count == 0 && after.Count >= 2)
            {
                covered = after;
            }
            else if (before.Count == 0 && after.Count == 0 && sentenceStart > 0)
            {
                // The verdict in a sentence of its own speaks of the list told just before it.
                var previousStart = SentenceStart(normalized, sentenceStart - 1);
                var previous = drugs.Where(d => d.Start >= previousStart && d.End <= sentenceStart).ToList();
                covered = previous.Count >= 2 ? previous : [];
            }
            else
            {
                covered = [];
            }

            if (covered.Count >= 2)
            {
                verdicts.Add(new ListVerdict(covered.Select(d => d.TherapyId!).Distinct().ToList(), told));
            }
        }

        foreach (Match opening in AfterAll.Matches(normalized))
        {
            var sentenceEnd = SentenceEnd(normalized, opening.Index + opening.Length);
            var listed = drugs.Where(d => d.Start >= opening.Index + opening.Length && d.End <= sentenceEnd).ToList();
            if (listed.Count < 2)
            {
                continue;
            }

            if (IsStillLow(normalized[listed[^1].End..sentenceEnd]))
            {
                verdicts.Add(new ListVerdict(listed.Select(d => d.TherapyId!).Distinct().ToList(), TreatmentOutcome.NoResponse));
            }
        }

        // With no "after" before it, the unmoved count after a list speaks for the drugs told without an outcome.
        var sentenceStarts = drugs.Select(d => SentenceStart(normalized, d.Start)).Distinct();
        foreach (var start in sentenceStarts)
        {
            var end = SentenceEnd(normalized, start);
            var listed = drugs.Where(d => d.Start >= start && d.End <= end).ToList();
            if (listed.Count >= 2 && IsStillLow(normalized[listed[^1].End..end]))
            {
                verdicts.Add(new ListVerdict(listed.Select(d => d.TherapyId!).Distinct().ToList(), TreatmentOutcome.NoResponse, UntoldOnly: true));
            }
        }

        return verdicts;
    }

    private static bool IsStillLow(string after) =>
        StillAt.Match(after) is { Success: true } still && double.Parse(still.Groups["n"].Value, CultureInfo.InvariantCulture) < ResponseCount;

    private static int SentenceStart(string text, int at) => text.AsSpan(0, at).LastIndexOfAny(SentenceEnds) + 1;

    private static int SentenceEnd(string text, int at) =>
        text.AsSpan(at).IndexOfAny(SentenceEnds) is >= 0 and var stop ? at + stop : text.Length;

    // A semicolon does not end the sentence: "IVIG, anti-D and platelets in ED; then dex; none gave more than a 2 day
    // bump" is one list.
    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create(".!?\n");
}
