using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Outcomes;

/// <summary>
/// The composites the cue ranking cannot see, decided from each drug's own episode (<see cref="DrugEpisodes"/>):
/// <list type="bullet">
/// <item>a drug taken now (read as ongoing) whose episode tells a count at or above the held count, with no word
/// that it is too early, is a response that holds to now ("I'm on eltrombopag, count 80");</item>
/// <item>a harm put up with while the drug is kept, with a response in the same episode, is a response, not an
/// intolerance ("made his BP go through the roof but we kept it going ... came up to 60").</item>
/// </list>
/// <item>a drug told with no outcome of its own whose episode tells a count at or above the held count as today's
/// ("then eltrombopag 50mg, now 110 and holding") or as where the drug took it ("since Sept, count went from 15 to
/// 55"), with no word that it is too early, is a response that holds to now;</item>
/// <item>a drug with no outcome of its own, or taken now, whose episode tells the count as still under the response
/// count ("dose escalated to 10 mcg/kg, max dose, still 12") is no response.</item>
/// </list>
/// All follow the labelling conventions' definitions of response, no-response and intolerant.
/// </summary>
internal static partial class EpisodeOutcomes
{
    private const string FrameCategory = "outcome-frame";

    private static string Class(string category, params string[] meanings) =>
        "(?:" + string.Join("|", meanings.Select(m => LexiconRegex.Alternation(ReadingLexicon.Default, category, m))) + ")";

    private static Regex Words(string category, params string[] meanings) =>
        new(@"\b" + Class(category, meanings) + @"(?!\w)", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex Kept = Words(FrameCategory, "kept-despite");
    private static readonly Regex StopOrSwitch = Words(FrameCategory, "stop", "switch");
    private static readonly Regex TooEarlyCue = Words("outcome", "ongoing-cue");

    private static readonly double HeldCount = double.Parse(
        LexiconRegex.Forms(ReadingLexicon.Default, FrameCategory, "held-count").Single(), System.Globalization.CultureInfo.InvariantCulture);

    // A count named in the episode: "count 80", "plt 90-140" (its lower end), "count 22 -> 48", "from 15 to 65" (where
    // it went), "my platelets are 90".
    private static readonly Regex CountLevel = new(
        @"\b" + LexiconWords.Alternation(ReadingLexicon.Default, "count", "platelet-name") + @"\b\s*(?:[a-z~:=>-]+\s*){0,3}?(?<low>\d{1,3})(?:s\b)?(?:\s*(?:-|\u2013|to|(?<arrow>->|\u2192|>))\s*(?<high>\d{2,3}))?(?!\d|\.\d|\s*(?:mg|mcg|µg|ug|kg|%|days?|weeks?|wks?|months?|years?|x\b|/))",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // "it's keeping me at about 80", "sits around 90": a count told by the verb that holds it, with no count word.
    private static readonly Regex LevelHeld = new(
        @"\b" + Class(FrameCategory, "level-verb") + @"\s+(?:(?:about|around|roughly)\s+|~\s*)?(?<low>\d{2,3})\b(?!\d|\.\d|\s*(?:mg|mcg|µg|ug|kg|%|days?|weeks?|wks?|months?|years?|x\b|/))",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly double ResponseCount = double.Parse(
        LexiconRegex.Forms(ReadingLexicon.Default, FrameCategory, "response-count").Single(), System.Globalization.CultureInfo.InvariantCulture);

    // Words that carry a span on to now ("now", "still", "so far", "holding"): with a count after them, today's count
    // ("now 110", "still 12") told with no count word.
    private static readonly Regex ToNow = Words(FrameCategory, "to-now");

    private static readonly Regex LevelNow = new(
        @"\b" + Class(FrameCategory, "to-now") + @"\s+(?:(?:at|about|around|roughly|only|stuck at|sitting at|on)\s+|~\s*)?(?<low>\d{1,3})\b" + NotAQuantity,
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // A count told as not moved: "still 12", "still stuck at 18", "only 22", "stuck at 15".
    private static readonly Regex StillLevel = new(
        @"\b(?:" + LexiconRegex.Alternation(ReadingLexicon.Default, "list-verdict", "still") + "|" + Class(FrameCategory, "not-moved", "only") + @")(?:\s+[a-z']+){0,3}?\s+(?:~\s*)?(?<low>\d{1,3})\b" + NotAQuantity,
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private const string NotAQuantity = @"(?!\d|\.\d|\s*(?:mg|mcg|µg|ug|kg|%|days?|weeks?|wks?|months?|years?|yrs?|x\b|/|times))";

    /// <summary>Revises <paramref name="treatments"/> in place by the evidence of each drug's latest episode; a drug of
    /// <paramref name="withoutOutcome"/> whose episode decides its outcome moves to <paramref name="treatments"/>.</summary>
    public static void Revise(
        string normalized,
        List<PriorTreatment> treatments,
        List<string> withoutOutcome,
        IReadOnlyList<TherapyMention> given,
        IReadOnlyList<TherapyMention> named,
        IReadOnlyList<PhraseMatch<TreatmentOutcome>> outcomes)
    {
        if (treatments.Count == 0 && withoutOutcome.Count == 0)
        {
            return;
        }

        var episodes = DrugEpisodes.Segment(normalized, given, named);
        // Observation is no drug: "no treatment needed so far, count 50" holds no response.
        foreach (var id in withoutOutcome.Distinct().Where(id => id != TherapyIds.Observation).ToList())
        {
            if (treatments.Any(t => t.Therapy == id) || DrugEpisodes.Latest(episodes, id) is not { } untold)
            {
                continue;
            }

            var text = normalized.Substring(untold.Span.Start, untold.Span.Length);
            TreatmentOutcome? decided = IsTooEarly(text) ? null
                : IsStillLow(text) ? TreatmentOutcome.NoResponse
                : IsHeldToNow(text) ? TreatmentOutcome.Response
                : null;
            if (decided is { } outcome)
            {
                treatments.Add(new PriorTreatment(id, outcome, null));
                withoutOutcome.RemoveAll(w => w == id);
            }
        }

        for (var t = 0; t < treatments.Count; t++)
        {
            if (treatments[t].Therapy == TherapyIds.Observation || DrugEpisodes.Latest(episodes, treatments[t].Therapy) is not { } episode)
            {
                continue;
            }

            var text = normalized.Substring(episode.Span.Start, episode.Span.Length);
            var revised = treatments[t].Outcome switch
            {
                TreatmentOutcome.Ongoing when IsHeld(text) && !IsTooEarly(text) => TreatmentOutcome.Response,
                TreatmentOutcome.Ongoing when IsStillLow(text) && !IsTooEarly(text) => TreatmentOutcome.NoResponse,
                TreatmentOutcome.Intolerant when Kept.IsMatch(text) && !StopOrSwitch.IsMatch(text)
                    && (IsHeld(text) || outcomes.Any(o => o.Value == TreatmentOutcome.Response && episode.Span.Contains(o.Start))) => TreatmentOutcome.Response,
                var same => same,
            };
            treatments[t] = treatments[t] with { Outcome = revised };
        }
    }

    /// <summary>The episode's last count told, at or above the held count.</summary>
    private static bool IsHeld(string episode) => LastCount(episode) is { } count && count >= HeldCount;

    /// <summary>The episode's last count, at or above the held count, told as today's ("now 110", "in the 60s now") or
    /// as where the drug took it ("went from 15 to 55"), with no number told after it ("went to 300, then under 20 by
    /// 6 weeks" is no count held).</summary>
    private static bool IsHeldToNow(string episode) =>
        IsHeld(episode) && LastLevel(episode) is { } level
        && !AnyNumber().IsMatch(episode.AsSpan(level.Index + level.Length))
        && (LevelNow.Match(episode, level.Index) is { Success: true } now && now.Index == level.Index
            || ToNow.IsMatch(episode, level.Index + level.Length)
            || IsRiseTold(episode));

    [GeneratedRegex(@"\d", RegexOptions.CultureInvariant)]
    private static partial Regex AnyNumber();

    /// <summary>The count told as where the drug took it: "count 22 -> 48", "went from 15 to 55".</summary>
    private static bool IsRiseTold(string episode) =>
        LastLevel(episode) is { } level && level.Groups["high"].Success
        && (level.Groups["arrow"].Success || FromBefore().IsMatch(episode.AsSpan(0, level.Groups["low"].Index)));

    /// <summary>The episode's last count told as not moved and under the response count ("still 12", "still stuck at
    /// 18", "only 22 at 8 mcg/kg").</summary>
    private static bool IsStillLow(string episode) =>
        StillLevel.Matches(episode).LastOrDefault() is { } still
        && LastLevel(episode) is { } last && last.Index <= still.Index + still.Length
        && double.Parse(still.Groups["low"].Value, System.Globalization.CultureInfo.InvariantCulture) < ResponseCount;

    private static Match? LastLevel(string episode) =>
        CountLevel.Matches(episode).Concat(LevelHeld.Matches(episode)).Concat(LevelNow.Matches(episode)).MaxBy(m => m.Index);

    private static double? LastCount(string episode)
    {
        var level = LastLevel(episode);
        if (level is null)
        {
            return null;
        }

        // "count 22 -> 48", "from 15 to 65": where the count went; "count 90-140": its lower end.
        var told = level.Groups["high"].Success && (level.Groups["arrow"].Success || FromBefore().IsMatch(episode.AsSpan(0, level.Groups["low"].Index)))
            ? "high"
            : "low";
        return double.TryParse(level.Groups[told].Value, System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : null;
    }

    // Too early to judge, or begun days or weeks ago ("4 weeks in", "day 5", "after IVIG yesterday"): a count on a
    // course that young is no response held to now (conventions: ongoing). Months ago is old enough to judge.
    private static bool IsTooEarly(string episode) =>
        TooEarlyCue.IsMatch(episode) || StillRising().IsMatch(episode) || Recently.IsMatch(episode) || DaysOrWeeksIn().IsMatch(episode);

    private static readonly Regex Recently = Words(FrameCategory, "recently");

    [GeneratedRegex(@"\b(?:day|d|wk|week)\s?\d{1,2}\b|\b(?:\d+|a|one|two|three|four|five|six|a few|a couple of)\s*(?:days?|weeks?|wks?|/7|/52)\s+(?:in|ago)\b|\bjust\s+(?:started|begun|begin)", RegexOptions.CultureInvariant)]
    private static partial Regex DaysOrWeeksIn();

    [GeneratedRegex(@"\bfrom\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex FromBefore();

    [GeneratedRegex(@"\b(?:rising|climbing|titrat\w*|too early|too soon|early days|wait and see|awaiting)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StillRising();
}
