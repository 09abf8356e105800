using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Therapies the patient cannot obtain: "no access to romiplostim", "can't get fostamatinib", "TPO-RAs not funded".</summary>
public sealed partial class UnavailableTherapyRecognizer(TherapyRecognizer therapies)
{
    /// <summary>Therapy ids that are not obtainable; a class ("TPO-RAs not funded") stands for all its members.</summary>
    public IReadOnlyList<string> FindAll(string? text) => FindAll(Reading.MessageText.Of(text));

    internal IReadOnlyList<string> FindAll(Reading.MessageText text) => Read(text).Unavailable;

    /// <summary>
    /// Therapies out of reach, and among them those given and then lost to their cost ("eltrombopag, good, stopped due
    /// to cost", "Nplate was going well until my insurance stopped covering it"): out of reach now, yet a treatment
    /// given, which the case reader keeps in the history.
    /// </summary>
    internal (IReadOnlyList<string> Unavailable, IReadOnlyList<string> LostToCost) Read(Reading.MessageText text)
    {
        var normalized = text.Normalized;
        var mentions = text.Therapies(therapies);
        var unavailable = new List<string>();
        var lostToCost = new List<string>();
        List<(int Start, int Length, IReadOnlyList<string> Ids)> previous = [];
        // The drugs named last in this sentence, past the clauses (commas) without one: "eltrombopag, good, stopped due
        // to cost", "doing great on Revolade but stopped it myself because of the cost".
        (int End, IReadOnlyList<string> Ids)? lastNamed = null;
        foreach (var clause in text.Clauses)
        {
            var clauseText = normalized.Substring(clause.Start, clause.Length);
            var inClause = mentions.Where(m => clause.Contains(m.Start)).ToList();
            if (lastNamed is { } named && SentenceEnd().IsMatch(normalized.AsSpan(named.End, Math.Max(0, clause.Start - named.End))))
            {
                lastNamed = null;
            }

            var stopClause = inClause.Count == 0 ? clauseText : clauseText[..(inClause[0].Start - clause.Start)];
            if (lastNamed is { } told && (Access.Value.LostToCost.IsMatch(stopClause) || Access.Value.PayerStopped.IsMatch(stopClause)))
            {
                lostToCost.AddRange(told.Ids);
            }

            if (inClause.Count > 0)
            {
                lastNamed = (inClause[^1].Start + inClause[^1].Length, inClause[^1].TherapyIds);
            }

            if (inClause.Count == 0)
            {
                // "efgartigimod: not licensed here", "Tavalisse, not funded": a clause with no drug of its own speaks
                // of the drug just named.
                unavailable.AddRange(DeniedAccess(clauseText, previous.Select(d => (0, 0, d.Ids)).ToList(), afterDrugs: true));
                previous = [];
                continue;
            }

            // The words after a drug speak of it up to the next drug: "eltrombopag failed and romiplostim isn't
            // funded" does not make eltrombopag unfunded.
            for (var i = 0; i < inClause.Count; i++)
            {
                // ... past the drugs listed with it: "Doptelet and Nplate both unavailable locally".
                var next = i + 1;
                while (next < inClause.Count
                    && ListJoin().IsMatch(normalized[(inClause[next - 1].Start + inClause[next - 1].Length)..inClause[next].Start]))
                {
                    next++;
                }

                var end = next < inClause.Count ? inClause[next].Start - clause.Start : clauseText.Length;
                if (IsUnavailable(clauseText[..end], inClause[i].Start - clause.Start, inClause[i].Length))
                {
                    unavailable.AddRange(inClause[i].TherapyIds);
                }
                else if (IsLostToCost(clauseText[..end], inClause[i].Start - clause.Start, inClause[i].Length))
                {
                    lostToCost.AddRange(inClause[i].TherapyIds);
                }
            }

            previous = inClause.Select(m => (m.Start - clause.Start, m.Length, m.TherapyIds)).ToList();
            unavailable.AddRange(DeniedAccess(clauseText, previous, afterDrugs: false));
        }

        unavailable.AddRange(lostToCost);
        return (unavailable.Distinct().ToList(), lostToCost.Distinct().ToList());
    }

    // "stopped the eltrombopag myself because of the cost", "Avatrombopag stopped 2025 for cost", "Nplate ... until my
    // insurance stopped covering it": the stop, then its reason, about this drug.
    private static bool IsLostToCost(string clauseText, int offset, int length)
    {
        var after = clauseText[Math.Min(clauseText.Length, offset + length)..];
        return Access.Value.LostToCost.IsMatch(after) || Access.Value.PayerStopped.IsMatch(after)
            || (Access.Value.StoppedJustBefore.IsMatch(clauseText.AsSpan(0, offset)) && Access.Value.ForCost.IsMatch(after));
    }

    private static bool IsUnavailable(string clauseText, int offset, int length)
    {
        var cueBefore = CueBefore().Match(clauseText);
        return (cueBefore.Success && cueBefore.Index < offset) || IsSaidUnavailableAfter(clauseText, offset, length)
            || (Access.Value.NoneBefore.IsMatch(clauseText.AsSpan(0, offset)) && Access.Value.NotHere.IsMatch(clauseText.AsSpan(offset + length)));
    }

    /// <summary>
    /// The access frame: a denial just before an access word ("isnt reimbursed", "can't be supplied", "no funding",
    /// "still not licensed here"), or an access word refused ("funding was declined", "coverage denied"). It belongs
    /// to the drugs named last before it ("eltrombopag failed and romiplostim isn't funded" is romiplostim's), or to
    /// the first named after it ("no funding for fostamatinib"), with the drugs listed beside that one. A doubt ("not
    /// sure if it's funded") says nothing.
    /// </summary>
    private static IEnumerable<string> DeniedAccess(string clauseText, List<(int Start, int Length, IReadOnlyList<string> Ids)> drugs, bool afterDrugs)
    {
        var frame = Access.Value.Frame.Match(clauseText);
        if (drugs.Count == 0 || !frame.Success || Access.Value.Doubt.IsMatch(clauseText)
            // "notes not available", "results not back": the denial is of something else named before it.
            || Access.Value.OtherSubject.IsMatch(clauseText[..frame.Index]))
        {
            return [];
        }

        if (afterDrugs)
        {
            return Access.Value.AllOfThem.IsMatch(clauseText) ? drugs.SelectMany(d => d.Ids) : drugs[^1].Ids;
        }

        var before = drugs.Where(d => d.Start + d.Length <= frame.Index).ToList();
        var chosen = before.Count > 0 ? before[^1] : drugs.FirstOrDefault(d => d.Start >= frame.Index + frame.Length);
        if (chosen.Ids is null)
        {
            return [];
        }

        // "romiplostim or eltrombopag aren't funded": the drugs listed with the chosen one share it.
        var listed = new List<(int Start, int Length, IReadOnlyList<string> Ids)> { chosen };
        foreach (var step in new[] { -1, 1 })
        {
            var at = drugs.IndexOf(chosen);
            for (var i = at + step; i >= 0 && i < drugs.Count; i += step)
            {
                var (left, right) = step < 0 ? (drugs[i], listed[0]) : (listed[^1], drugs[i]);
                if (!ListJoin().IsMatch(clauseText[(left.Start + left.Length)..right.Start]))
                {
                    break;
                }

                listed.Insert(step < 0 ? 0 : listed.Count, drugs[i]);
            }
        }

        return listed.SelectMany(d => d.Ids);
    }

    [GeneratedRegex(@"[.;!?\n]", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^\s*(?:,|/|&|and|or|nor|\+)?\s*(?:(?:and|or)\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ListJoin();

    private static readonly Lazy<AccessWords> Access = new(() => new AccessWords(Reading.ReadingLexicon.Default));

    /// <summary>The access frames: the grammar is here, the words are the lexicon's (access*.yaml).</summary>
    private sealed class AccessWords(Reading.ReadingLexicon lexicon)
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

        private static string Words(Reading.ReadingLexicon lexicon, params string[] meanings) => Reading.LexiconWords.Alternation(lexicon, "access", meanings);

        private static string Party(Reading.ReadingLexicon lexicon, params string[] meanings) => Reading.LexiconRegex.Alternation(lexicon, "access-party", meanings);

        private static string Before(Reading.ReadingLexicon lexicon, params string[] meanings) => Reading.LexiconRegex.Alternation(lexicon, "access-before", meanings);

        private static string After(Reading.ReadingLexicon lexicon, params string[] meanings) => Reading.LexiconRegex.Alternation(lexicon, "access-after", meanings);

        private static string Place(Reading.ReadingLexicon lexicon, params string[] meanings) => Reading.LexiconRegex.Alternation(lexicon, "access-place", meanings);

        // "insurance refused", "the insurer wouldn't pay", "IVIG is rationed here": a drug that could not be had. (A drug
        // given and later stopped for its cost is also a treatment given: the case reader drops an unavailable drug from
        // the history, so that frame is left to it.)
        private static string LostForCost(Reading.ReadingLexicon lexicon) =>
            "(?:" + Before(lexicon, "cost-payer", "approval") + @"\s+(?:company\s+)?" + Before(lexicon, "refused", "will-not-pay") + "|" +
            @"(?:is |are |being )?" + Before(lexicon, "rationed") + ")";

        public Regex Frame { get; } = new(
            @"\b" + Words(lexicon, "denial", "none-of-them") + @"\s+(?:(?:be|been|being|get|got|getting|is|are|was|were|currently|yet|actually|even|any|a|the|longer|easily|readily)\s+){0,2}" + Words(lexicon, "access-word") + @"\b|" +
            @"\b" + Words(lexicon, "access-word") + @"\s+(?:(?:was|were|has|have|been|is|are|got|just|now)\s+){0,2}" + Words(lexicon, "refusal") + @"\b|" +
            @"\b" + LostForCost(lexicon) + @"\b",
            Options);

        // Before the drug: "no access to", "can't get", "the trust won't fund", "insurance denied", "our hospital has no",
        // "our formulary doesn't include". The payers and the places that hold drugs are the lexicon's.
        public Regex CueBefore { get; } = new(
            @"\b(?:" + Before(lexicon, "out-of-reach") + ":?|" +
            // "can't get romiplostim", not "can't get her count up".
            Before(lexicon, "cannot-obtain") + @"(?! (?:(?:her|him|me|them|us) )?(?:below|under|lower|down|off|beneath|above|over|past|rid)\b)|" +
            // "her insurer refuses to pay for Tavalisse", "the trust won't fund", "funding was refused for"
            @"(?:" + Party(lexicon, "payer") + @"|hospital) (?:(?:have|has) )?" + Before(lexicon, "will-not") + @"\s+" + Before(lexicon, "provide") + "|" +
            Before(lexicon, "approval") + @" (?:was |has been )?" + Before(lexicon, "refused") + @" (?:for|of)|" +
            // "insurance denied Tavalisse", "the ICB has refused romiplostim", "the funding panel turned down rituximab"
            Party(lexicon, "payer") + @" (?:(?:have|has) )?" + Words(lexicon, "refusal") + @"(?! to\b)|" +
            // "our hospital has no fostamatinib", "the formulary doesn't include romiplostim": the place that would hold it.
            Party(lexicon, "holder") + @" (?:" + Before(lexicon, "holds-none") + "|" + Before(lexicon, "will-not") + @"\s+" + Before(lexicon, "hold", "provide") + "))",
            Options);

        // After the drug: "is in short supply here, we can't get it", "isn't on the hospital formulary".
        public Regex CueAfter { get; } = new(
            @"\b(?:" + LostForCost(lexicon) + "|" + After(lexicon, "out-of-reach") + "|" +
            After(lexicon, "list-denial") + @" (?:on|in) (?:(?:the|our|their|my|this) )?(?:" + After(lexicon, "list-kind") + " )?" + After(lexicon, "list") + "|" +
            After(lexicon, "run-out") + @"(?! of)|" +
            @"(?:we|they|she|he|i|you) " + After(lexicon, "cannot-obtain-it") + @" (?:it|them|hold of it|hold of them)\b(?! (?:below|under|lower|down|off|up|above|over)))\b",
            Options);

        // "no clinical trials near us", "no romiplostim here": "no" and a place; "no rituximab" alone says it was not given.
        // "no local trials", "no ITP trials": a word of the kind may stand between.
        public Regex NoneBefore { get; } = new(@"\bno (?:access to |" + Place(lexicon, "kind") + " )?$", Options);

        // "no avatrombopag available in Kenya", "no trials recruiting": said to be had nowhere, the place may go unsaid.
        public Regex NotHere { get; } = new(
            @"^\s*(?:trials?\s+)?(?:(?:are |is )?" + Place(lexicon, "held") + @"\b|(?:are |is )?(?:" + Place(lexicon, "held") + " )?(?:" + Place(lexicon, "here") +
            @"|in (?:our|the|this|my|her|his) " + Place(lexicon, "place") + @"|at (?:our|the|this|my|her|his) " + Place(lexicon, "place") +
            @"|where (?:we|she|he|i|they) (?:are|live)))\b",
            Options);

        // The stop and its reason, a few words apart ("stopped due to cost", "stopped 2025 for cost", "stopped it myself
        // 2 months ago because of the cost").
        public Regex LostToCost { get; } = new(
            @"\b" + After(lexicon, "stopped") + @"\b(?:\s+[\p{L}\p{N}'-]+){0,5}?\s+" + ForCostWords(lexicon), Options);

        // "stopped the eltrombopag ..." just before the drug, and the reason after it.
        public Regex StoppedJustBefore { get; } = new(@"\b" + After(lexicon, "stopped") + @"\s+(?:(?:the|her|his|my|their|our)\s+)?$", Options);

        public Regex ForCost { get; } = new(@"^(?:\s+[\p{L}\p{N}'-]+){0,5}?\s+" + ForCostWords(lexicon), Options);

        // "until my insurance stopped covering it".
        public Regex PayerStopped { get; } = new(@"\b" + Party(lexicon, "payer") + @"\s+" + After(lexicon, "stopped-paying") + @"\b", Options);

        private static string ForCostWords(Reading.ReadingLexicon lexicon) =>
            After(lexicon, "for-reason") + @"\s+(?:(?:the|its|their|her|his|my)\s+)?" + After(lexicon, "cost") + @"\b";

        public Regex AllOfThem { get; } = new(@"\b" + Words(lexicon, "all-of-them", "none-of-them") + @"\b", Options);

        public Regex OtherSubject { get; } = new(@"\b" + Words(lexicon, "other-subject") + @"\b", Options);

        public Regex Doubt { get; } = new(@"\b" + Words(lexicon, "doubt") + @"\b", Options);
    }

    /// <summary>
    /// Whether the words after a therapy say it is out of reach ("IVIg is in short supply, we can't get it",
    /// "tavalisse not on the PBS"): then it is no treatment given either (the story reader asks this too).
    /// </summary>
    internal static bool IsSaidUnavailableAfter(string clauseText, int offset, int length) =>
        Access.Value.CueAfter.Match(clauseText, Math.Min(clauseText.Length, offset + length)).Success;

    private static Regex CueBefore() => Access.Value.CueBefore;
}
