using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Dialogs.Understanding.Outcomes;

/// <summary>
/// Reads how each drug went from the STRUCTURE of its clause, not from a list of wordings: the order of the count's
/// ups and downs, a response and its length, the drug as the agent of a harm, doses repeated to hold the count, a
/// course begun a short while ago. The frames live here; the words that fill their slots are classes in
/// Lexicon/outcome-frames.yaml, so a new way of saying "went up" or a harm no list names still fits a frame.
/// </summary>
internal static partial class OutcomeEvidenceReader
{
    private const string Category = "outcome-frame";

    private static string Class(params string[] meanings) =>
        "(?:" + string.Join("|", meanings.Select(m => LexiconRegex.Alternation(ReadingLexicon.Default, Category, m))) + ")";

    private static string Word(params string[] meanings) => @"\b" + Class(meanings) + @"(?!\w)";

    private static HashSet<string> SingleWords(params string[] meanings) =>
        meanings.SelectMany(m => LexiconRegex.Forms(ReadingLexicon.Default, Category, m)).Where(f => !f.Contains(' ')).ToHashSet(StringComparer.Ordinal);

    private static Regex Compiled(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // --- Slots -------------------------------------------------------------------------------------------------
    // "remission 1 yr, lost": a bare "lost" closing a cell is the response lost.
    // "back to 12", "back under 30 a fortnight later", "then under 20 by 6 weeks", "then down again": a fall told by
    // where the count went.
    // "R, lost on taper", "PR, lost by 3/52": "lost" with when or how it went. "now 12", "it's now 19": a count
    // told as now and under the response count is where it went (a fall only after a rise: Trajectory).
    private static readonly Regex Down = Compiled(Word("count-down") + @"|\brelaps\w*|" +
        @"\blost(?=\s*(?:[),;.|\n]|$|(?:on|at|after|by|within|around|during|when|once|with|post|over|in|again|off)\b))|" +
        @"\bback\s+(?:down\s+)?(?:to|under|below|in)\s+(?:the\s+)?\d|\bthen\s+(?:back\s+)?(?:down|under|below)\b|\bdown\s+again\b|" +
        @"\bnow\s+(?:(?:at|down to|back to|only|just|plt|plts|platelets|count|is|it's|i'm|she's|he's)\s+){0,2}(?:[12]?\d)(?![\d.]|\s*(?:mg|mcg|µg|ug|kg|%|days?|weeks?|wks?|months?|mths?|years?|yrs?|x\b|/|-))");

    // "plt 9 to 180 to 12", "8->210 (d10) -> 14 (d35)": counts up, then down to under half the peak.
    [GeneratedRegex(@"(?<![\d./])(?<a>\d{1,3})\s*(?:->|>|to|\u2192)\s*(?<b>\d{2,3})(?:\s*\([^)]{0,12}\))?\s*(?:,\s*)?(?:->|>|to|then|back to|down to|\u2192)\s*(?<c>\d{1,3})(?![\d.]|\s*(?:mg|mcg|µg|ug|kg|%|/))", RegexOptions.CultureInvariant)]
    private static partial Regex CountChain();

    [GeneratedRegex(@"\bup\s*(?:,\s*)?(?:and\s+)?then\s+(?:back\s+)?down\b", RegexOptions.CultureInvariant)]
    private static partial Regex UpThenDownBare();
    private static readonly Regex Up = Compiled(Word("count-up") + @"|\b" + Class("raise-verb", "suffer") + @"\s+(?:[\w'-]+\s+){1,3}?up\b");
    private static readonly Regex Worked = Compiled(Word("worked"));
    private static readonly Regex ToNow = Compiled(Word("to-now"));
    private static readonly Regex ToNowRightAfter = Compiled(@"\G\s*(?:and\s+)?" + Class("to-now") + @"(?!\w)");

    private const string Number = @"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|a few|a couple of|a couple|couple of|several|few)";
    private const string Unit = @"(?:days?|weeks?|wks?|months?|mths?|mos?|years?|yrs?|fortnight)";

    // "for ten days", "about 6 weeks", "for a couple of months", "for a week or two", "short-term", "for a while".
    private static readonly Regex Span = Compiled(
        @"\bfor\s+(?:(?:about|around|roughly|just|only|nearly|almost|over|under|a good|the first|another|approximately|approx|~)\s*)*(?:" +
        Number + @"\s*(?:-\s*\d+\s*)?" + Unit + @"(?:\s+or\s+(?:two|so|three))?|" + Class("length") + @")(?!\w)|" +
        Word("short-span") + @"|\b(?:until|till|til)\s+(?!now\b)\w+|" +
        // Clinical shorthand and bare lengths: "resp x1/52" (a week), "3/7" (days), "4/12" (months), "x 2 wks",
        // "worked a few days" (not "2 weeks ago", a time of starting).
        @"(?<![\w/])(?:x\s*)?\d+\s*/\s*(?:7|52|12)(?![\w/])|\bx\s*\d+\s*(?:d|days?|w|wks?|weeks?|m|mo|mths?|months?)\b|" +
        @"\b(?<!\b(?:at|by|in|after|within|over|since|from|of|every|each|per)\s+)(?:" + Number + @")\s+" + Unit + @"(?!\w)(?!\s+(?:ago|in|on|later|after|now|since|of|old)\b)");

    private static readonly Regex Temporary = Compiled(Word("temporary"));

    // "has kept me fine", "it's been brilliant", "she's done well": a present perfect runs to now.
    [GeneratedRegex(@"(?:\b(?:has|have)|'s|'ve)\s+(?:been\s+)?(?:[\w]+\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PerfectBefore();

    [GeneratedRegex(@"(?:\b(?:not|never|no|without|nor|neither|hardly|barely|hasn't|haven't|didn't|doesn't|don't|wasn't|isn't|won't)|n't)\s+(?:[\w']+\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NegatedBefore();

    private static readonly Regex Cause = Compiled(Word("cause"));
    private static readonly Regex Suffer = Compiled(Word("suffer"));
    private static readonly Regex StopOrSwitch = Compiled(Word("stop", "switch"));
    private static readonly Regex StopBecause = Compiled(
        Word("stop", "switch") + @"(?:\s+[\w'-]+){0,5}?\s+(?:because of|because|due to|owing to|on account of|as a result of|thanks to)\s");

    // A harm told after "had": "on/from/with it", or a stop after it in the same sentence.
    [GeneratedRegex(@"^\s*(?:on|from|with|off|because of|due to)\s+(?:it|them|this|that|these|those|the\s+\w+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OnIt();

    private static readonly Regex ThenStopped = Compiled(
        @"^[\s,]*(?:and|so|then|which|,)(?:[\s,]+[\w'-]+){0,7}?\s+" + Class("stop", "switch") + @"(?!\w)");

    private static readonly HashSet<string> Persons = SingleWords("person");
    private static readonly HashSet<string> NotHarm = [.. SingleWords("not-harm", "worked", "count-up", "count-down"), "itp", "enough", "by", "didn't", "wasn't", "doesn't", "not", "work", "help"];
    private static readonly HashSet<string> OtherSubjects = [.. SingleWords("other-subject"), .. SingleWords("not-harm").Where(w => w.StartsWith("bleed", StringComparison.Ordinal) || w.StartsWith("bruis", StringComparison.Ordinal) || w.StartsWith("dos", StringComparison.Ordinal) || w == "nosebleeds" || w == "periods")];

    // Words a harm's noun phrase may begin with that say nothing of what it is.
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "her", "him", "me", "them", "us", "my", "his", "their", "our", "your", "some", "really", "very", "so", "quite",
        "bad", "severe", "terrible", "awful", "horrible", "nasty", "such", "real", "dreadful", "she", "he", "i", "we", "they", "it", "was",
        "were", "had", "got", "of", "this", "that", "these", "those", "bit", "lot", "lots", "pretty", "serious", "significant", "constant",
    };

    private static readonly HashSet<string> PronounAgents = new(StringComparer.Ordinal)
    {
        "it", "that", "which", "this", "these", "those", "tablets", "tablet", "pills", "drug", "drugs", "injections", "jabs", "infusion",
        "infusions", "medication", "meds", "treatment",
    };

    // --- Dependence ----------------------------------------------------------------------------------------------
    private const string Every = @"(?:(?:every|each)\s+(?:\d+(?:-\d+)?\s+|few\s+|couple of\s+|other\s+|second\s+|third\s+|two\s+|three\s+|four\s+|six\s+)?(?:days?|weeks?|wks?|months?|fortnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|" + "REPEAT" + ")";

    private static readonly string Repeat = Every.Replace("REPEAT", Class("repeat"), StringComparison.Ordinal);

    private static readonly Regex RepeatToHold = Compiled(
        @"\b" + Repeat + @"(?!\w)(?:\s+[\w'-]+){0,6}?\s+" + Class("hold-purpose") + @"(?!\w)(?!\s+(?:so|two|three|four|more|less|longer|not)\b)");

    private static readonly Regex NeedRepeat = Compiled(Word("need") + @"(?:\s+[\w'+-]+){0,3}?\s+" + Repeat + @"(?!\w)");

    private static readonly Regex MissedDose = Compiled(
        Word("condition") + @"(?:\s+[\w'-]+){0,3}?\s+(?:" + Class("miss", "ease") + @"|stop\w*|c[ao]me off)(?!\w)|" +
        Word("when") + @"(?:\s+[\w'-]+){0,3}?\s+" + Class("miss") + @"(?!\w)");

    private static readonly Regex OnlyWhileOn = Compiled(Word("only-while-on"));

    // --- A course begun a short while ago -----------------------------------------------------------------------
    private static readonly string Ago =
        @"(?:(?:\d+|a|one|two|three|four|five|six|a few|a couple of|couple of|few)\s*(?:days?|weeks?|wks?|/7|/52)\s+ago|(?:a|one)\s+(?:month|fortnight)\s+ago|" + Class("recently") + ")";

    private static readonly Regex StartedRecently = Compiled(Word("start", "switch") + @"(?:\s+[\w'+.-]+){0,5}?\s+" + Ago + @"(?!\w)");
    private static readonly Regex RecentlyAfterDrug = Compiled(@"^(?:\s+[\w'+.-]+){0,3}?\s+" + Ago + @"(?!\w)|" +
        // "avatrombopag 1/12", "romi 50 mcg 2/52,": a chart's length right after the drug and nothing else in its cell.
        @"^\s+(?:[\d.]+\s*(?:mg|mcg|µg|ug)\S*\s+)?(?:\d\s*/\s*(?:7|52)|[1-3]\s*/\s*12)(?=\s*(?:[,;.)|]|$))");
    private static readonly Regex EndedWords = Compiled(Word("stop", "count-down") + @"|\brelaps\w*|\bfail\w*");

    [GeneratedRegex(@"[;!?\n]|(?<!\d)\.|\.(?!\d)|(?<=^|\s)(?:\d{1,2}|[a-e])\)(?=\s)", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\w'-]+|[,:()]", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    /// <summary>Every piece of evidence in a normalised text whose drugs are <paramref name="mentions"/> (may be empty);
    /// <paramref name="named"/> are every drug named, given or not ("romiplostim: declined by patient" is a sentence
    /// of its own drug, not the fall of the drug before).</summary>
    public static List<OutcomeEvidence> Read(string normalized, IReadOnlyList<TherapyMention> mentions, IReadOnlyList<TherapyMention>? named = null)
    {
        named ??= mentions;
        var found = new List<OutcomeEvidence>();
        var sentences = Sentences(normalized).ToList();
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var inSentence = mentions.Where(m => sentence.Contains(m.Start)).ToList();
            Harms(normalized, sentence, inSentence, found);
            Dependence(normalized, sentence, found);
            // "had to stop it because she got pregnant; her count then dropped to 30": the fall may be told in the
            // next sentence when that one names no drug of its own.
            var next = i + 1 < sentences.Count && !named.Any(m => sentences[i + 1].Contains(m.Start)) ? sentences[i + 1] : (TextSpan?)null;
            FallAfterStop(normalized, next is { } n ? new TextSpan(sentence.Start, n.End - sentence.Start) : sentence, found);
            RecentStarts(normalized, sentence, inSentence, found);
            foreach (var clause in Clauses(sentence, inSentence))
            {
                if (!Trajectory(normalized, clause, found))
                {
                    CountHeld(normalized, clause, found);
                }
            }
        }

        return found;
    }

    private static IEnumerable<TextSpan> Sentences(string text) => UnderstandingText.Between(text, SentenceEnd());

    // A drug's clause runs from its name to the next drug named in the sentence.
    private static IEnumerable<TextSpan> Clauses(TextSpan sentence, List<TherapyMention> mentions)
    {
        // Words before the sentence's first drug belong to its clause ("she did well on romiplostim and still does").
        var cuts = mentions.Skip(1).Select(m => m.Start).Where(s => s > sentence.Start).Prepend(sentence.Start).Append(sentence.End).Distinct().Order().ToList();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            yield return new TextSpan(cuts[i], cuts[i + 1] - cuts[i]);
        }
    }

    // --- Frame 1: the count's trajectory, and a response with a length -----------------------------------------
    private static bool Trajectory(string text, TextSpan clause, List<OutcomeEvidence> found)
    {
        var s = text.Substring(clause.Start, clause.Length);
        // "each time up then down again", "up and then back down": a rise and its fall told bare.
        if (UpThenDownBare().Match(s) is { Success: true } bare)
        {
            found.Add(new OutcomeEvidence(EvidenceKind.UpThenDown, clause.Start + bare.Index, bare.Length));
            return true;
        }

        foreach (Match chain in CountChain().Matches(s))
        {
            var (a, b, c) = (int.Parse(chain.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(chain.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(chain.Groups["c"].Value, System.Globalization.CultureInfo.InvariantCulture));
            if (a < b && c * 2 < b)
            {
                found.Add(new OutcomeEvidence(EvidenceKind.UpThenDown, clause.Start + chain.Index, chain.Length));
                return true;
            }
        }

        var events = new List<(char Kind, int Start, int End)>();
        Collect(s, Down, 'D', events);
        Collect(s, Up, 'U', events);
        Collect(s, Worked, 'W', events);
        events.Sort((a, b) => a.Start.CompareTo(b.Start));

        // "response lost", "benefit gone": a rise and its fall in one phrase; "only a stopgap": a rise that did not last.
        if (events.FirstOrDefault(e => e.Kind == 'D' && !s.AsSpan(e.Start).StartsWith("now", StringComparison.Ordinal) && (WorkedWord().IsMatch(s.AsSpan(e.Start)) || LastWords(s, e.Start, 4).Any(w => WorkedWord().IsMatch(w)))) is { Kind: 'D' } lost)
        {
            found.Add(new OutcomeEvidence(EvidenceKind.UpThenDown, clause.Start + lost.Start, lost.End - lost.Start));
            return true;
        }

        if (Temporary.Match(s) is { Success: true } stopgap && !NegatedBefore().IsMatch(s.AsSpan(0, stopgap.Index)))
        {
            found.Add(new OutcomeEvidence(EvidenceKind.ResponseWithLength, clause.Start + stopgap.Index, stopgap.Length));
            return true;
        }

        var rise = events.FindIndex(e => e.Kind is 'U' or 'W');
        if (rise < 0)
        {
            return false;
        }

        var fall = events.FindIndex(rise, e => e.Kind == 'D');
        if (fall > rise)
        {
            found.Add(new OutcomeEvidence(EvidenceKind.UpThenDown, clause.Start + events[rise].Start, events[fall].End - events[rise].Start));
            return true;
        }

        foreach (var (_, start, end) in events.Where(e => e.Kind is 'U' or 'W'))
        {
            // "has kept her fine", "ongoing remission 3 yrs": a response told as running on.
            var perfect = PerfectBefore().IsMatch(s.AsSpan(0, start)) || LastWords(s, start, 2).Any(w => ToNow.IsMatch(w));
            var span = Span.Match(s, end);
            if (span.Success && WordsBetween(s, end, span.Index) <= 3 && !IsGoodEnding(s, span))
            {
                // "for 2 years now", "so far", "and counting": the span runs on to now.
                // "CR, ongoing remission 3 yrs": a to-now word between the response and its length.
                var toNow = perfect || ToNowRightAfter.IsMatch(s, span.Index + span.Length) || StillAfter(s, end)
                    || ToNow.IsMatch(s[end..Math.Max(end, span.Index)]);
                found.Add(new OutcomeEvidence(toNow ? EvidenceKind.ResponseToNow : EvidenceKind.ResponseWithLength, clause.Start + start, span.Index + span.Length - start));
                return true;
            }

            // "did well on romiplostim and still does", "brilliant and still going", "has been normal".
            if (perfect || StillAfter(s, end))
            {
                found.Add(new OutcomeEvidence(EvidenceKind.ResponseToNow, clause.Start + start, end - start));
                return true;
            }
        }

        return false;
    }

    // --- Frame 1b: a count named on the drug and holding ----------------------------------------------------------
    private static readonly Regex CountLevel = Compiled(
        @"\b" + LexiconWords.Alternation(ReadingLexicon.Default, "count", "platelet-name") + @"\b\s*(?:[a-z~:=>-]+\s*){0,3}?(?<low>\d{1,3})(?:s\b)?(?:\s*(?:-|–|to|(?<arrow>->|\u2192|>))\s*(?<high>\d{2,3}))?(?!\s*(?:mg|mcg|µg|ug|kg|%|days?|weeks?|wks?|months?|years?|x|/))");

    private static readonly double ResponseCount = double.Parse(
        SingleWords("response-count").Single(), System.Globalization.CultureInfo.InvariantCulture);

    // "eltrombopag 50 mg since March, count 90s and holding", "romiplostim -> plt stable ~100": a current level at or
    // above the response count, with no fall after it, is a response that runs to now. A level below it says nothing
    // here (the drug may be too new to judge).
    private static void CountHeld(string text, TextSpan clause, List<OutcomeEvidence> found)
    {
        var s = text.Substring(clause.Start, clause.Length);
        var level = CountLevel.Matches(s).LastOrDefault();
        var current = ToNow.IsMatch(s) || SinceWhen().IsMatch(s);
        // "plt from 15 to 65 and holding", "plt 12 -> 160": a count told from where it started is where it went.
        var told = level is not null && level.Groups["high"].Success
            && (level.Groups["arrow"].Success || FromBefore().IsMatch(s.AsSpan(0, level.Groups["low"].Index))) ? "high" : "low";
        if (level is null && LevelHeld().Match(s) is { Success: true } held)
        {
            // "stayed over 100 for the past year", "he's been in the 100s", "stable at 90": a level told as kept, with
            // no count word, is held by its own verb.
            if (double.Parse(held.Groups["level"].Value, System.Globalization.CultureInfo.InvariantCulture) >= ResponseCount
                && !Down.IsMatch(s, held.Index + held.Length) && !EndedWords.IsMatch(s) && !StillRising().IsMatch(s)
                && !NegatedBefore().IsMatch(s.AsSpan(0, held.Index)))
            {
                found.Add(new OutcomeEvidence(EvidenceKind.ResponseToNow, clause.Start + held.Index, held.Length));
            }

            return;
        }

        if (level is null || !double.TryParse(level.Groups[told].Value, System.Globalization.CultureInfo.InvariantCulture, out var low)
            // "plt rising", "still titrating": too early to call a response.
            || StillRising().IsMatch(s)
            || low < ResponseCount || Down.IsMatch(s, level.Index + level.Length) || EndedWords.IsMatch(s)
            // Held: a word of a level kept ("holding", "stable", "ever since", "still"), not a count on the day a
            // question is asked ("plt 30 on eltrombopag 50mg, should we increase the dose").
            || !(current || Worked.IsMatch(s))
            // On the drug: in its own part of a list or the next ("eltrombopag since March, count 90s and holding"),
            // not two items on in a case summary ("splenectomy 2017, vaccines up to date, platelets 44"). A drug told
            // as taken now ("now on romiplostim, 8 weeks, plt 160") owns the count of its sentence a part further.
            || s.AsSpan(0, level.Index).Count(',') + s.AsSpan(0, level.Index).Count(';') > (current ? 2 : 1)
            // "plt up to 150 then back to 12": a later, lower number is where the count went after the level.
            || LaterNumbers().Matches(s, level.Index + level.Length).Any(n => double.Parse(n.Value, System.Globalization.CultureInfo.InvariantCulture) < ResponseCount))
        {
            return;
        }

        found.Add(new OutcomeEvidence(EvidenceKind.ResponseToNow, clause.Start + level.Index, level.Length));
    }

    // A level kept: "stayed over 100", "been in the 100s", "stable at 90", "holding above 50".
    [GeneratedRegex(@"\b(?:stayed|stays|staying|remained|remains|been|stable|steady|holding|sitting|sits|settled|kept)\s+(?:(?:at|over|above|around|about|in the|between|>|~|>=|well above|well over|comfortably above)\s*){1,2}(?<level>\d{2,3})s?(?![\d.]|\s*(?:mg|mcg|µg|ug|kg|%|days?|weeks?|wks?|months?|years?|x\b|/))", RegexOptions.CultureInvariant)]
    private static partial Regex LevelHeld();

    // "since Oct", "since then", "current:": a course that runs to now.
    // "| 2024- |", "2023 - present": a course with a start year and no end runs to now.
    [GeneratedRegex(@"\bsince\b(?!\s+(?:stopping|coming off|it was stopped))|\bcurrent\b|\b(?:19|20)\d{2}\s*-\s*(?:present|now|date|current|(?=[|,;)]|$))", RegexOptions.CultureInvariant)]
    private static partial Regex SinceWhen();

    [GeneratedRegex(@"\bfrom\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex FromBefore();

    [GeneratedRegex(@"\b(?:rising|climbing|titrat\w*|too early|too soon|early days)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StillRising();

    [GeneratedRegex(@"(?<![\d.])\d{1,3}(?![\d.]|\s*(?:mg|mcg|µg|ug|kg|%|days?|weeks?|wks?|months?|years?|x\b|/))", RegexOptions.CultureInvariant)]
    private static partial Regex LaterNumbers();

    // "still" and its kind carry a response on to now, unless what follows is still wrong ("still low").
    // "worked a treat until he went into remission": a span that ends in a better state is no loss.
    private static bool IsGoodEnding(string s, Match span) =>
        span.Value.StartsWith("unt", StringComparison.Ordinal) || span.Value.StartsWith("til", StringComparison.Ordinal)
            ? Token().Matches(s, span.Index).Take(6).Any(t => Worked.IsMatch(t.Value) || ToNow.IsMatch(t.Value))
            : false;

    [GeneratedRegex(@"^(?:response|effect|benefit)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WorkedWord();

    private static bool StillAfter(string s, int from) =>
        ToNow.Matches(s, from).Any(m => m.Value is not ("now" or "currently" or "ongoing") && !StillWrong().IsMatch(s.AsSpan(m.Index + m.Length)));

    [GeneratedRegex(@"^\s+(?:low|bleed\w*|bruis\w*|under|below|need\w*|requir\w*|not|isn't|only|dropping|falling|in the|on steroids)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StillWrong();

    // A drug passive ("was held for surgery"), a dose that went up ("went up to 75 mg"), a drug dropped ("dropped
    // it"): not the count's trajectory.
    [GeneratedRegex(@"\b(?:was|were|been|being|is)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex PassiveBefore();

    [GeneratedRegex(@"^\s*(?:to\s+)?\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|g)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DoseAfter();

    [GeneratedRegex(@"^\s+(?:it|them|the|this|that|her|his)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectAfter();

    private static void Collect(string s, Regex pattern, char kind, List<(char Kind, int Start, int End)> events)
    {
        foreach (Match m in pattern.Matches(s))
        {
            if (events.Any(e => m.Index < e.End && e.Start < m.Index + m.Length) || NegatedBefore().IsMatch(s.AsSpan(0, m.Index)))
            {
                continue;
            }

            // "her sugars went up", "the dose came down", "bruising settled": not the platelet count.
            if (kind != 'W' && LastWords(s, m.Index, 3).Any(OtherSubjects.Contains))
            {
                continue;
            }

            var after = s.AsSpan(m.Index + m.Length);
            if ((kind == 'W' && m.Value == "held" && PassiveBefore().IsMatch(s.AsSpan(0, m.Index))) || (kind == 'U' && DoseAfter().IsMatch(after)) || (kind == 'D' && ObjectAfter().IsMatch(after)))
            {
                continue;
            }

            events.Add((kind, m.Index, m.Index + m.Length));
        }
    }

    // --- Frame 2: harm caused by the drug ---------------------------------------------------------------------
    private static void Harms(string text, TextSpan sentence, List<TherapyMention> mentions, List<OutcomeEvidence> found)
    {
        var s = text.Substring(sentence.Start, sentence.Length);

        // The drug (or "it/which/that") as the agent of a causative verb: "rituximab gave her a serum sickness
        // reaction", "the cyclosporine before it made my gums swell", "left him with awful heartburn".
        foreach (Match cause in Cause.Matches(s))
        {
            if (NegatedBefore().IsMatch(s.AsSpan(0, cause.Index)) || !DrugIsAgent(s, sentence.Start, cause.Index, mentions))
            {
                continue;
            }

            if (HarmPhrase(s, sentence.Start, cause.Index + cause.Length, mentions) is { } end)
            {
                found.Add(new OutcomeEvidence(EvidenceKind.Harm, sentence.Start + cause.Index, cause.Length));
            }
        }

        // A harm had on it, or had and then the drug stopped: "I got diabetes from it", "I had awful headaches and
        // cataract changes, so my doctor switched me".
        foreach (Match had in Suffer.Matches(s))
        {
            if (NegatedBefore().IsMatch(s.AsSpan(0, had.Index)) || HarmPhrase(s, sentence.Start, had.Index + had.Length, mentions) is not { } end)
            {
                continue;
            }

            var rest = s.AsSpan(end);
            if (OnIt().IsMatch(rest) || OnTheDrug(s, sentence.Start, end, mentions) || ThenStopped.IsMatch(s[end..]))
            {
                found.Add(new OutcomeEvidence(EvidenceKind.Harm, sentence.Start + had.Index, had.Length));
            }
        }

        HarmBesideStop(s, sentence.Start, mentions, found);

        // Stopped because of any noun phrase that is not a count, response, time, cost, supply, choice or plan
        // word: those are stop reasons of other kinds, which leave the outcome to the other evidence (a drug stopped
        // for cost after working stays a response: the contract's intolerant is a drug stopped for a harm).
        foreach (Match stop in StopBecause.Matches(s))
        {
            // The evidence sits on the stop verb: the harm belongs to the drug stopped, not to one named after it
            // ("eltrombopag switched to avatrombopag because of the liver").
            if (!NegatedBefore().IsMatch(s.AsSpan(0, stop.Index)) && !IsChoiceClause(s, stop.Index + stop.Length)
                && HarmPhrase(s, sentence.Start, stop.Index + stop.Length, mentions) is not null)
            {
                var verb = StopOrSwitch.Match(s, stop.Index);
                found.Add(new OutcomeEvidence(EvidenceKind.Harm, sentence.Start + verb.Index, verb.Length));
            }
        }
    }

    // A harm told beside the stop in a chart's cell, with no verb: "danazol (virilisation, stopped)", "cataracts,
    // switched", "headaches -> stopped", "Nplate stopped - marrow reticulin on biopsy", "stopped, raised
    // transaminases". The cell's other words must be a noun phrase that is no count, response, time, cost, choice
    // or plan (HarmPhrase) and no word of the story's course (CellCourseWords).
    private static void HarmBesideStop(string s, int offset, List<TherapyMention> mentions, List<OutcomeEvidence> found)
    {
        foreach (var stop in StopOrSwitch.Matches(s).Concat(ChartStop().Matches(s)))
        {
            // "can't remember how either went": "went" is a stop only in "went off".
            if (stop.Value is "went" || NegatedBefore().IsMatch(s.AsSpan(0, stop.Index)))
            {
                continue;
            }

            var before = CellBefore().Match(s[..stop.Index]);
            var cell = before.Groups["cell"];
            var harmBefore = before.Success && CellEndsHere().IsMatch(s.AsSpan(stop.Index + stop.Length))
                && IsCellHarm(s, offset, cell.Index, cell.Index + cell.Length, mentions);
            var after = CellAfter().Match(s, stop.Index + stop.Length);
            var cellEnd = after.Success ? s.AsSpan(after.Index + after.Length).IndexOfAny("(),;:|") : -1;
            var harmAfter = after.Success && IsCellHarm(s, offset, after.Index + after.Length, cellEnd < 0 ? s.Length : after.Index + after.Length + cellEnd, mentions);
            if (harmBefore || harmAfter)
            {
                found.Add(new OutcomeEvidence(EvidenceKind.Harm, offset + stop.Index, stop.Length));
            }
        }
    }

    private static bool IsCellHarm(string s, int offset, int from, int to, List<TherapyMention> mentions)
    {
        // "R, lost 3/12 after stopping", "plt up to 90, stopped": the count's course, no harm.
        var text = s[from..to];
        if (Down.IsMatch(text) || Up.IsMatch(text) || Worked.IsMatch(text) || CellOfWhen().IsMatch(text)
            || (text.Any(char.IsDigit) && !HarmWithNumber().IsMatch(text)))
        {
            return false;
        }

        var first = Token().Match(s, from);
        while (first.Success && Determiners.Contains(first.Value))
        {
            first = first.NextMatch();
        }

        return first.Success && !CellCourseWords.Contains(first.Value) && char.IsLetter(first.Value[0])
            && HarmPhrase(s, offset, from, mentions) is not null;
    }

    // Words that open a cell about the course of a treatment, not a harm: "stopped, then romiplostim", "after
    // 6 months, stopped", "stopped, now off everything".
    private static readonly HashSet<string> CellCourseWords = new(StringComparer.Ordinal)
    {
        "then", "and", "so", "now", "started", "starting", "start", "switched", "changed", "moved", "went", "going", "restarted",
        "relapsed", "relapsing", "off", "after", "before", "since", "until", "as", "because", "when", "once", "but", "due", "eventually",
        "finally", "later", "subsequently", "also", "still", "never", "all", "both", "back", "onto", "to", "on", "in", "at", "for",
        "with", "without", "weaned", "tapered", "tapering", "weaning", "completed", "finished", "successfully", "electively",
        "temporarily", "permanently", "gradually", "slowly", "quickly", "soon", "ok", "okay", "fine", "is", "are", "treatment",
        "therapy", "drug", "course", "plan", "planned", "by", "pt", "patient", "patient's", "per", "x", "over", "around", "about",
        "within", "just", "only", "which", "who", "that", "if", "or", "nothing", "none", "same", "similar", "again", "maintenance",
    };

    // "ALT 6x ULN", "bilirubin 40": a test result named with its number is a harm the cell can hold.
    [GeneratedRegex(@"^\s*(?:raised\s+|high\s+)?(?:alt|ast|lfts|bilirubin|bili|creatinine|egfr|hba1c|bp|glucose|sugars?|transaminases)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HarmWithNumber();

    // "came back after stopping", "comes back every time we stop": a cell that tells when, not what.
    [GeneratedRegex(@"\b(?:after|when|once|whenever|if|before|since|until|till|every|each|came|comes|come|returned|returns)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CellOfWhen();

    // A chart's word for stopped: "d/c", "dc'd".
    [GeneratedRegex(@"(?<![\w/])d/c(?![\w/])|\bdc'?d\b", RegexOptions.CultureInvariant)]
    private static partial Regex ChartStop();

    // The cell before a stop, back to its opening mark: "(virilisation, " / ": cataracts, " / "- headaches+cataract concern -> ".
    [GeneratedRegex(@"(?:^|[(,;:|]|\s-|->|=>|→)\s*(?<cell>[^(),;:|]+?)\s*(?:,|->|=>|→|\s-)?\s*(?:(?:so|and|then|therefore|which|it|was|were|i|we|they|she|he)\s+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CellBefore();

    // The stop closes its cell: "stopped)", "stopped.", "switched", "-> stopped |".
    [GeneratedRegex(@"^\s*(?:it|them|treatment|the course|the infusions?|the doses?)?\s*(?:[),;.|]|$|->|=>|→|-\s)", RegexOptions.CultureInvariant)]
    private static partial Regex CellEndsHere();

    // A stop told first and its reason after a mark: "stopped - marrow reticulin", "d/c: rash", "stopped, raised ALT".
    [GeneratedRegex(@"\G\s*(?:[-:,]|->|=>|→)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex CellAfter();

    // "stopped because she wants to get pregnant", "because I hated the diet rules", "because the doctor thought he was
    // cured": a reason told as a clause with a person as its subject is a choice, not a harm, unless its verb is one
    // of having or causing a harm ("because she got a rash", "because it gave her headaches").
    private static bool IsChoiceClause(string s, int from)
    {
        var words = Token().Matches(s, from).Take(3).Select(t => t.Value).ToList();
        var subject = words.FindIndex(w => Persons.Contains(w));
        return subject is 0 or 1 && subject + 1 < words.Count
            && !Suffer.IsMatch(words[subject + 1]) && !Cause.IsMatch(words[subject + 1]) && !StopOrSwitch.IsMatch(words[subject + 1]);
    }

    // --- Frame 2b: the count fell after the drug was stopped -----------------------------------------------------
    private static readonly Regex Stopped = Compiled(Word("stop"));

    // "stopped it before IVF and her count fell to 15", "since stopping she's dropped to 22": the drug held the count
    // and the count was lost when it went: a response lost (relapsed). The evidence sits on the stop, so it belongs
    // to the drug stopped; a harm that made the stop outranks it (TreatmentOutcomeRecognizer.Rank).
    private static void FallAfterStop(string text, TextSpan sentence, List<OutcomeEvidence> found)
    {
        var s = text.Substring(sentence.Start, sentence.Length);
        foreach (Match stop in Stopped.Matches(s))
        {
            if (stop.Value is "went" or "no more" or "never again" || NegatedBefore().IsMatch(s.AsSpan(0, stop.Index)) || Down.IsMatch(stop.Value))
            {
                continue;
            }

            var fall = Down.Matches(s, stop.Index + stop.Length).FirstOrDefault(d =>
                !NegatedBefore().IsMatch(s.AsSpan(0, d.Index)) && !LastWords(s, d.Index, 3).Any(OtherSubjects.Contains));
            if (fall is not null)
            {
                found.Add(new OutcomeEvidence(EvidenceKind.UpThenDown, sentence.Start + stop.Index, stop.Length));
                return;
            }
        }
    }

    // "mouth ulcers on mycophenolate", "a rash from the romiplostim": the harm had on a drug named right after.
    private static bool OnTheDrug(string s, int offset, int end, List<TherapyMention> mentions) =>
        OnADrug().Match(s, end) is { Success: true } on && mentions.Any(m => m.Start == offset + on.Index + on.Length);

    [GeneratedRegex(@"\G\s*(?:on|from|with|off)\s+(?:the\s+)?", RegexOptions.CultureInvariant)]
    private static partial Regex OnADrug();

    private static bool DrugIsAgent(string s, int offset, int verb, List<TherapyMention> mentions)
    {
        var before = LastWords(s, verb, 5);
        // "we tried steroids first and they made mum really low": "they" right after a drug is the drug.
        if (before.Count > 0 && before[^1] is "they" or "these" or "those" && mentions.LastOrDefault(m => m.End <= offset + verb) is { } named
            && Token().Matches(s[(named.End - offset)..verb]).Select(t => t.Value).ToList() is { Count: <= 4 } gap
            && gap.SkipLast(1).All(w => !Persons.Contains(w) && w is not ("," or ":" or "(" or ")" or "then" or "so")))
        {
            return true;
        }

        if (before.Count > 0 && Persons.Contains(before[^1]))
        {
            return false;
        }

        if (before.Count > 0 && PronounAgents.Contains(before[^1]))
        {
            return true;
        }

        // The drug named a few words before, with no person between: "azathioprine next made her liver go funny".
        var drug = mentions.LastOrDefault(m => m.End <= offset + verb);
        if (drug is null)
        {
            return false;
        }

        var between = s[(drug.End - offset)..verb];
        var words = Token().Matches(between).Select(t => t.Value).ToList();
        return words.Count <= 5 && !words.Any(w => Persons.Contains(w) || w is "," or ":" or "(" or ")" or "and" or "then");
    }

    /// <summary>The end (in the sentence) of a harm's noun phrase starting at <paramref name="from"/>, or null when
    /// the words there are no harm: a count, response, time, dose, cost or plan word, a drug, or nothing at all.</summary>
    private static int? HarmPhrase(string s, int offset, int from, List<TherapyMention> mentions)
    {
        var content = new List<string>();
        var end = from;
        foreach (Match token in Token().Matches(s, from))
        {
            if (token.Value is "," or ":" or "(" or ")" || (content.Count > 0 && token.Value is "and" or "so" or "then" or "but" or "which" or "on" or "from" or "with" or "off"))
            {
                break;
            }

            if (mentions.Any(m => m.Start < offset + token.Index + token.Length && offset + token.Index < m.End))
            {
                // "gave him steroid diabetes", "steroid psychosis": the drug names the kind of harm.
                if (content.Count == 0 && token.Value.StartsWith("steroid", StringComparison.Ordinal) && token.NextMatch() is { Success: true } next
                    && char.IsLetter(next.Value[0]) && !mentions.Any(m => m.Start < offset + next.Index + next.Length && offset + next.Index < m.End))
                {
                    end = token.Index + token.Length;
                    continue;
                }

                return null;
            }

            if (content.Count == 0 && Determiners.Contains(token.Value))
            {
                end = token.Index + token.Length;
                continue;
            }

            // The head decides whether it is a harm; the phrase runs on to the next break ("a blue tinge to my lips").
            content.Add(token.Value);
            end = token.Index + token.Length;
            if (content.Count == 8)
            {
                break;
            }
        }

        // "had to stop" is no harm had; "a blue tinge to my lips" is.
        // "made it go up again" is the count that rose, no harm done.
        var head = content.Take(3).ToList();
        return head.Count == 0 || char.IsDigit(head[0][0]) || head[0] == "to" || head.Any(w => NotHarm.Contains(w) || NotHarm.Contains(w.TrimEnd('s')))
            || Up.Match(string.Join(' ', head)) is { Success: true, Index: 0 } ? null : end;
    }

    // --- Frame 3: the count held only by going on --------------------------------------------------------------
    private static void Dependence(string text, TextSpan sentence, List<OutcomeEvidence> found)
    {
        var s = text.Substring(sentence.Start, sentence.Length);
        foreach (var regex in new[] { RepeatToHold, NeedRepeat, OnlyWhileOn })
        {
            foreach (Match m in regex.Matches(s))
            {
                if (!NegatedBefore().IsMatch(s.AsSpan(0, m.Index)))
                {
                    found.Add(new OutcomeEvidence(EvidenceKind.Dependence, sentence.Start + m.Index, m.Length));
                }
            }
        }

        // A fall tied to a missed or cut dose: "his count collapses if we miss one", "whenever she stops it she drops".
        foreach (Match missed in MissedDose.Matches(s))
        {
            // "whenever they try to stop it she bleeds": a bleed is the fall told by what it does.
            var fall = Down.Matches(s).Concat(BleedsAfter().Matches(s, missed.Index + missed.Length))
                .FirstOrDefault(d => Math.Abs(d.Index - missed.Index) < 60 && !NegatedBefore().IsMatch(s.AsSpan(0, d.Index)));
            if (fall is not null)
            {
                var start = Math.Min(fall.Index, missed.Index);
                var end = Math.Max(fall.Index + fall.Length, missed.Index + missed.Length);
                found.Add(new OutcomeEvidence(EvidenceKind.Dependence, sentence.Start + start, end - start));
            }
        }
    }

    [GeneratedRegex(@"\b(?:she|he|i|they|it|the count|her count|his count|my count)\s+(?:\w+\s+)?(?:bleeds|bleed|bruises|crashes|starts bleeding|starts bruising)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BleedsAfter();

    // --- Frame 4: a course begun a short while ago -------------------------------------------------------------
    private static void RecentStarts(string text, TextSpan sentence, List<TherapyMention> mentions, List<OutcomeEvidence> found)
    {
        var s = text.Substring(sentence.Start, sentence.Length);
        foreach (Match m in StartedRecently.Matches(s))
        {
            found.Add(new OutcomeEvidence(EvidenceKind.RecentStart, sentence.Start + m.Index, m.Length));
        }

        // "avatrombopag 5 days ago", "eltrombopag + MMF together since last month": the time right after the drug.
        foreach (var drug in mentions)
        {
            var after = s[(drug.End - sentence.Start)..];
            if (RecentlyAfterDrug.Match(after) is { Success: true } m && !EndedWords.IsMatch(m.Value))
            {
                found.Add(new OutcomeEvidence(EvidenceKind.RecentStart, drug.End + m.Index, m.Length));
            }
        }
    }

    // --- Frame 5: exclusivity ---------------------------------------------------------------------------------
    private static readonly Regex OnlyBefore = Compiled(Word("only") + @"\s+(?:the\s+|her\s+|his\s+|my\s+)?$");
    private static readonly Regex WorkedAfter = Compiled(@"^\s+(?:[\w'-]+\s+)?(?:ever\s+|really\s+|actually\s+)?" + Class("worked") + @"(?!\w)");
    private static readonly Regex TheOnlyOneAfter = Compiled(
        @"^\s*,?\s*(?:(?:which|that|who)\s+)?(?:was|is|has been|were|being)\s+(?:the\s+)?only\s+(?:one|thing|drug|treatment|medicine|med|medication|option|tablet)\s+(?:that|which|to)\s+(?:has\s+|have\s+|ever\s+|really\s+|actually\s+)*" + Class("worked") + @"(?!\w)");

    /// <summary>The drug said to be the only one that worked ("only the eltrombopag worked", "X was the only thing
    /// that helped", "nothing but X"), or null.</summary>
    public static TherapyMention? OnlyOneThatWorked(string normalized, IReadOnlyList<TherapyMention> mentions) =>
        mentions.FirstOrDefault(m => m.TherapyId is not null
            && ((OnlyBefore.IsMatch(normalized.AsSpan(0, m.Start)) && WorkedAfter.IsMatch(normalized.AsSpan(m.End)))
                || TheOnlyOneAfter.IsMatch(normalized.AsSpan(m.End))));

    private static int WordsBetween(string s, int from, int to) => to <= from ? 0 : Token().Matches(s[from..to]).Count;

    private static List<string> LastWords(string s, int before, int count)
    {
        var words = Token().Matches(s[..before]).Select(t => t.Value).ToList();
        return words.Skip(Math.Max(0, words.Count - count)).ToList();
    }
}
