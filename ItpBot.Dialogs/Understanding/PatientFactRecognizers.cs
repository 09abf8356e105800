using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// East Asian ancestry (for the eltrombopag starting dose): true for an East Asian ancestry, false for another one
/// ("white British", "Caucasian", "ethnicity: white", "of Irish descent") or a denied one. "Asian" alone does not say
/// which. The ancestry words are the lexicon's (ancestry.yaml); the grammar is here.
/// </summary>
public sealed class AncestryRecognizer
{
    public bool? FindInText(string? text) => FindInText(Reading.MessageText.Of(text));

    internal bool? FindInText(Reading.MessageText text)
    {
        var normalized = text.Normalized;
        // "his grandmother was Japanese but he's not East Asian himself": a relative's ancestry is not the patient's
        // when the patient's own is also said.
        var matches = Grammar.Value.EastAsian.Matches(normalized).Where(m => !OfRelative(normalized, m.Index)).ToList();
        if (matches.Count == 0)
        {
            matches = Grammar.Value.EastAsian.Matches(normalized).ToList();
        }

        if (matches.Count > 0)
        {
            var match = matches[0];
            // "East Asian ancestry: no", "east asian? Y": a form's question answered after it.
            if (Grammar.Value.Answered.Match(normalized, match.Index + match.Length) is { Success: true } answered
                && YesNo.Recognize(answered.Groups["answer"].Value) is { } answer)
            {
                return answer;
            }

            return !Negation.IsNegated(normalized, match.Index, match.Length, maxWordsBetween: 2);
        }

        // "white British", "Caucasian", "ethnicity: white": an ancestry that is not East Asian.
        if ((Grammar.Value.OtherAncestry.Match(normalized) is { Success: true } other && !OfRelative(normalized, other.Index))
            || Grammar.Value.OtherWithCue.IsMatch(normalized))
        {
            return false;
        }

        // "no Asian ancestry": denying any Asian ancestry denies East Asian ancestry too ("Asian" alone says nothing).
        return Grammar.Value.AnyAsianAncestry.Match(normalized) is { Success: true } asian
            && Negation.IsNegated(normalized, asian.Index, asian.Length, maxWordsBetween: 2)
            ? false
            : null;
    }

    private static readonly YesNoRecognizer YesNo = new();

    private static bool OfRelative(string normalized, int index)
    {
        var clause = UnderstandingText.ClauseAt(normalized, index);
        return Grammar.Value.Relative.IsMatch(normalized.AsSpan(clause.Start, index - clause.Start));
    }

    private static readonly Lazy<AncestryWords> Grammar = new(() => new AncestryWords(Reading.ReadingLexicon.Default));

    /// <summary>The ancestry grammar, with its words from the lexicon (ancestry.yaml).</summary>
    private sealed class AncestryWords(Reading.ReadingLexicon lexicon)
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

        private static string Words(Reading.ReadingLexicon lexicon, params string[] meanings) =>
            Reading.LexiconWords.Alternation(lexicon, "ancestry", meanings);

        public Regex EastAsian { get; } = new(@"\b" + Words(lexicon, "east-asian") + @"\b", Options);

        public Regex OtherAncestry { get; } = new(@"\b" + Words(lexicon, "not-east-asian") + @"\b", Options);

        public Regex Answered { get; } = new(@"\G\s*" + Words(lexicon, "ancestry-word") + @"?\s*[:?=-]\s*(?<answer>[a-z]+)\s*(?=[,;.]|$)", Options);

        public Regex Relative { get; } = new(@"\b" + Words(lexicon, "relative") + @"\b", Options);

        public Regex AnyAsianAncestry { get; } = new(@"\basian\s+" + Words(lexicon, "ancestry-word") + @"\b", Options);

        // "ethnicity: white", "race - black", "of irish descent", "european ancestry", "she's indian"
        public Regex OtherWithCue { get; } = new(
            @"\b" + Words(lexicon, "ancestry-word") + @"\b\s*(?:[:=-]|is|was)?\s*" + Words(lexicon, "not-east-asian-with-cue", "not-east-asian") + @"\b|\b" +
            Words(lexicon, "not-east-asian-with-cue") + @"\s+" + Words(lexicon, "ancestry-word") + @"\b" +
            // "she's Indian", "I'm white, plt 20" (not "white as a sheet", which is pallor)
            @"|\b(?:i'm|im|i am|she's|he's|she is|he is|patient is|pt is)\s+" + Words(lexicon, "not-east-asian-with-cue") + @"(?=\s*(?:[,;.]|$|\band\b))",
            Options);
    }
}

/// <summary>
/// Whether the spleen is already out: "s/p splenectomy", "splenectomised" are yes; "no splenectomy", "spleen
/// intact" are no; a splenectomy that is only planned, offered or declined says nothing about it.
/// </summary>
public sealed partial class SplenectomyRecognizer
{
    public bool? FindInText(string? text) => FindInText(Reading.MessageText.Of(text));

    internal bool? FindInText(Reading.MessageText text)
    {
        var normalized = text.Normalized;
        // "my brother had his spleen removed; I still have mine": the speaker's own spleen, set against a relative's.
        if (Intact().IsMatch(normalized) || (normalized.Contains("spleen", StringComparison.Ordinal) && KeepsOwn().IsMatch(normalized)))
        {
            return false;
        }

        // "no spleen", "he has no spleen (removed 2021)": asplenia said plainly, not a denial of an operation.
        if (NoSpleen().IsMatch(normalized))
        {
            return true;
        }

        foreach (Match match in Splenectomy().Matches(normalized))
        {
            var clause = text.ClauseAt(match.Index);
            var before = normalized[clause.Start..match.Index];
            var after = normalized[(match.Index + match.Length)..clause.End];
            // "never had the splenectomy vaccines": the word names the vaccines, and says nothing of the spleen.
            if (VaccinesAfter().IsMatch(after))
            {
                continue;
            }

            // "neither rituximab nor the splenectomy produced any rise": the outcome is denied, the operation was done.
            if (NeitherNorBefore().IsMatch(before) && OutcomeVerbAfter().IsMatch(after))
            {
                return true;
            }

            // "talked about taking his spleen out but never did", "splenectomy declined": an operation considered and
            // not done (or refused) leaves the spleen in.
            if (NotDoneLater().IsMatch(normalized.AsSpan(match.Index + match.Length)) || DeclinedAfter().IsMatch(normalized.AsSpan(match.Index + match.Length)))
            {
                return false;
            }

            // "laparoscopic splenectomy booked for March": an operation booked is one not yet done.
            if (BookedBefore().IsMatch(before) || BookedAfter().IsMatch(after))
            {
                return Negation.IsNegated(normalized, match.Index, match.Length) ? null : false;
            }

            // "prefers not to have his spleen removed", "refuses splenectomy": a wish about the operation, not one done.
            if (PlannedBefore().IsMatch(before) || PlannedAfter().IsMatch(after) || WishedAgainstBefore().IsMatch(before))
            {
                continue;
            }

            // "splenectomy not done", "splenectomy - never": a denial written after the word.
            return !Negation.IsNegated(normalized, match.Index, match.Length) && !NotDoneAfter().IsMatch(after);
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(?:vaccin\w*|jabs?|immuni[sz]ations?|shots|injections|prophylaxis)\b", RegexOptions.CultureInvariant)]
    private static partial Regex VaccinesAfter();

    [GeneratedRegex(@"\b(?:not to have|not have|not to get|avoid\w*|(?:don't|doesn't|do not|does not|won't|wouldn't) want(?: to have)?|refus\w*|declin\w*|against|scared of|afraid of|terrified of|not keen on)\s+(?:(?:having|getting)\s+)?(?:an? |her |his |their |the |my |any )?$", RegexOptions.CultureInvariant)]
    private static partial Regex WishedAgainstBefore();

    [GeneratedRegex(@"\b(?:booked|scheduled|listed|awaiting|planned|due|lined up|date)\s+(?:for|in)?\s*(?:an? |her |his |their |the |my )?(?:elective |laparoscopic |lap |open )?$", RegexOptions.CultureInvariant)]
    private static partial Regex BookedBefore();

    [GeneratedRegex(@"^\s*(?:is |has been |now )?(?:booked|scheduled|listed|lined up|(?:planned )?(?:for|on) (?:next|the \d|\d|monday|tuesday|wednesday|thursday|friday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex BookedAfter();

    // "splenectomy - not done", "Splenectomy (Y/N): N", "spleen removed? nope": a denial after the word or its label.
    [GeneratedRegex(@"^\s*(?:\(?\s*(?:y|yes)\s*[/ ]\s*(?:n|no)\s*\)?\s*)?(?:[:=?-]\s*)?(?:not (?:done|dun|performed|had|carried out|yet)|never(?: done| performed| had)?|none|nil|no|nope|nah|n)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotDoneAfter();

    [GeneratedRegex(@"\b(?:neither|nor)\s+(?:[\w-]+\s+){0,4}?(?:nor\s+)?(?:the\s+|her\s+|his\s+|a\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NeitherNorBefore();

    [GeneratedRegex(@"^\s*(?:\w+\s+)?(?:produced|worked|helped|did|made|gave|raised|lifted|changed|moved|improved|touched)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OutcomeVerbAfter();

    // "...but it hasn't been done", "...but never did", "...but I haven't had it done"
    [GeneratedRegex(@"\bbut\s+(?:(?:it|he|she|they|we|i|that)\s+)?(?:(?:has|have|had|was|were)\s*n'?o?t|hasnt|havent|hadnt|wasnt|never|not)\b(?:\s+(?:been|had|did|done|gone|happened|ahead|it|yet|through|with|had it|got round)\b)*", RegexOptions.CultureInvariant)]
    private static partial Regex NotDoneLater();

    // "splenectomy declined", "splenectomy: declined", "splenectomy was turned down"
    [GeneratedRegex(@"^\s*(?:[:=-]\s*)?(?:(?:was|has been|is)\s+)?(?:declined|refused|turned down|rejected|not wanted)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DeclinedAfter();

    [GeneratedRegex(@"(?<!\b(?:someone|anyone|people|patients|those|person)\s+(?:with\s+)?)\b(?:(?:has|have|had|with|got|there's|there is)\s+)?no\s+spleen\b(?!\s*(?:vaccin\w*|jabs?|immuni[sz]ations?|surgery|removal|removed|out|taken|op|operation)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex NoSpleen();

    [GeneratedRegex(@"\bi(?:'ve| have)? (?:still )?(?:have|got|kept) mine\b", RegexOptions.CultureInvariant)]
    private static partial Regex KeepsOwn();

    [GeneratedRegex(@"(?<!\bpre[- ]?)\b(?:splenectom\w*|sple+n(?:e|o)?c?t?o?m(?:y|ies|is\w*|iz\w*)\b|asplenic|asplenia|(?:s/p|s p|post|prev|previous|hx|had (?:a |her |his )?) splen\b|splen (?:done|performed|in (?:19|20)\d\d|(?:19|20)\d\d)|spleen (?:removed|out|taken out|surgery|operation|op|ops|removal)|removal of (?:the |her |his |their |my )?spleen|(?:remov\w*|tak\w*) (?:out )?(?:the |her |his |their |my )?spleen(?: out)?|(?:had|has had) (?:the |her |his |their )?spleen (?:removed|taken out|out))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Splenectomy();

    [GeneratedRegex(@"\b(?:spleen(?: is|'s|\s*[:=-])? (?:still )?(?:intact|in situ|in place|present|in|there)\b|spleen(?:'s| is| was| has| has been)? (?:not|never) (?:been )?(?:removed|taken out|out)|(?:i|he|she|they|we)(?:'s|'ve| has| have)?(?: still)?(?: got)? (?:my|her|his|their) spleen(?! (?:out|removed|taken|off|was|has been))|intact spleen|still (?:has|have|got|had) (?:her|his|their|a|my|the) spleen|(?:has|have|got) (?:her|his|their|my) spleen still|spleen (?:was )?never (?:removed|taken out))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Intact();

    [GeneratedRegex(@"\b(?:consider\w*|plann\w*|plan for|refer\w* for|candidate for|discuss\w*|avoid\w*|wants?|refus\w*|declin\w*|before|prior to|" +
                    @"awaiting|pending|scheduled for|booked for|listed for|offer\w*|option of|about|whether|for|if|keen on|reluctant|fit for|vaccinat\w*|" +
                    @"possibl\w*|potential\w*|maybe|perhaps|might|may|could|eventual\w*|towards?|heading|leaning)\b[\w\s]{0,20}$",
        RegexOptions.CultureInvariant)]
    private static partial Regex PlannedBefore();

    [GeneratedRegex(@"^\s*(?:is |was |has been |being )?(?:planned|scheduled|booked|pending|discussed|considered|an option|option|offered|declined|refused|next|soon|vs|versus|or\b|\?)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PlannedAfter();
}

/// <summary>Surgery, a procedure or a delivery coming soon (which changes the target count).</summary>
public sealed partial class UpcomingProcedureRecognizer
{
    private const string Procedure =
        @"(?:surgery|operation|procedure|op|extraction|dental (?:work|extraction|surgery)|biopsy|delivery|c-?section|ca?esarean(?: section)?|" +
        @"endoscopy|colonoscopy|lumbar puncture|epidural|splenectomy|hip replacement|knee replacement|tooth extraction|labou?r)";

    public bool? FindInText(string? text) => FindInText(Reading.MessageText.Of(text));

    internal bool? FindInText(Reading.MessageText text)
    {
        var normalized = text.Normalized;
        foreach (Match match in Upcoming().Matches(normalized))
        {
            return !Negation.IsNegated(normalized, match.Index, match.Length, maxWordsBetween: 3);
        }

        // "pref: PO, no surgery", "would rather no operation": a wish against surgery says nothing of what is booked.
        return NoneUpcoming().Match(normalized) is { Success: true } none
            && !Wished().IsMatch(normalized.AsSpan(0, none.Index))
            ? false
            : null;
    }

    [GeneratedRegex(@"\b(?:pref\w*|wants?|wanting|would rather|rather|wish\w*|keen|choice|chooses?|happy with)\b[^.;!?]{0,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex Wished();

    [GeneratedRegex(
        @"\b(?:upcoming|planned|scheduled|elective|forthcoming|imminent|pending|booked|urgent|emergency)\s+(?:\w+\s+)?" + Procedure + @"\b|" +
        @"\b" + Procedure + @"\s+(?:is\s+|was\s+)?(?:planned|scheduled|booked|coming up|next (?:week|month|few days)|tomorrow|soon|pending|due|in \w+ (?:days?|weeks?))\b|" +
        @"\b(?:needs|needing|due (?:for|to have)|going for|going in for|having|awaiting|listed for|booked for|scheduled for|requires|requiring)\s+(?:an? |her |his |their |the )?(?:\w+\s+)?" + Procedure + @"\b|" +
        @"\b(?:due to deliver|due date (?:is )?(?:next|in|soon)|about to deliver|induction (?:planned|booked)|near term|at term)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Upcoming();

    // "no surgery planned", "nothing surgical coming up", "not having any procedures", "no plans for surgery".
    [GeneratedRegex(@"\bnothing\s+(?:else\s+|further\s+|more\s+)?(?:planned|scheduled|booked|coming up|lined up|on the horizon|in the diary|due)\b|\b(?:no|nothing|not having any|isn't having any|no plans? for(?: any)?)\s+(?:upcoming |planned |scheduled |elective |further |other )?(?:surgery|surgeries|operations?|procedures?|ops|surgical(?: procedures?)?|invasive procedures?|dental work)(?: (?:planned|scheduled|booked|coming up|lined up|on the horizon|in the pipeline|pending|due|expected))?\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NoneUpcoming();
}
