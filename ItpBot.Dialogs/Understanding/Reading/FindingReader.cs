namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>A lexicon sign (or a fact that a rule can name, such as a lumbar puncture) found with its context.</summary>
internal readonly record struct SignFinding(LexiconMeaning Sign, FindingContext Context, string Evidence, int Start = -1);

/// <summary>What the lexicon finds in one message: findings with their context, signs for the red-flag rules, audience cues.</summary>
internal sealed record LexiconFindings(
    IReadOnlyList<Finding> Findings, IReadOnlyList<SignFinding> Signs, IReadOnlyList<AudienceCue> Cues, bool Truncated,
    IReadOnlyList<LexiconMatch> Triggers);

/// <summary>
/// The lexicon half of the reading pass: the message's words are matched once against the span categories (signs,
/// audience, facts, inert look-alikes), and each match gets its ConText context.
/// </summary>
internal sealed class FindingReader
{
    private static readonly string[] FirstPerson = ["i", "i'm", "im", "i've", "ive", "i'd", "my", "me", "myself"];

    private static readonly string[] QuestionWords =
        ["is", "are", "does", "do", "can", "could", "would", "should", "will", "might", "may", "what", "what's", "whats", "which", "when", "how", "why"];

    private static readonly string[] Subjects =
        ["i", "i'm", "im", "we", "we're", "he", "he's", "hes", "she", "she's", "shes", "they", "they're", "my", "his", "her", "our", "their", "you", "your"];

    private const string FactsOnly = "facts-only";

    private const string NoCue = "no-cue";

    private static readonly string[] PastEventVerbs = ["had", "died", "suffered", "passed", "used"];

    private readonly ContextReader context;
    private readonly LexiconMatcher spans;
    private readonly LexiconMatcher selfCues;
    private readonly LexiconMatcher speakers;

    public FindingReader(ReadingLexicon lexicon)
    {
        context = new ContextReader(lexicon);
        spans = new LexiconMatcher(lexicon.Category("sign").Concat(lexicon.Category("fact")).Concat(lexicon.Category("inert")));
        // Who is speaking is read apart: "I'm bleeding" is a patient's cue and a sign at once, and a cue that took the
        // words would hide the sign.
        speakers = new LexiconMatcher(lexicon.Category("audience"));
        selfCues = new LexiconMatcher(lexicon.Category("self"));
    }

    public LexiconFindings Read(MessageTokens tokens)
    {
        var triggers = context.Triggers(tokens);
        // Some triggers speak for facts only ("her dad has kidney failure"): a sign after them may be the patient's.
        var signTriggers = triggers.Any(t => t.Meaning.Tags.Contains(FactsOnly)) ? triggers.Where(t => !t.Meaning.Tags.Contains(FactsOnly)).ToList() : triggers;
        var matches = new List<LexiconMatch>(spans.FindAll(tokens));
        // "after our son was born": a relative inside words that say they are no cue is not who the chat is about.
        var noCue = matches.Where(m => m.Meaning.Tags.Contains(NoCue)).ToList();
        matches.AddRange(speakers.FindAll(tokens).Where(cue => !noCue.Exists(span => span.First <= cue.First && cue.End <= span.End)));
        var covered = new bool[tokens.Count];
        foreach (var match in matches)
        {
            for (var i = match.First; i < match.End; i++)
            {
                covered[i] = true;
            }
        }

        var findings = new List<Finding>();
        var signs = new List<SignFinding>();
        var cues = new List<AudienceCue>();
        var asksForSelf = selfCues.FindAll(tokens).Count > 0;
        foreach (var match in matches)
        {
            var found = match.Meaning.Category == "sign"
                ? SignContext(tokens, signTriggers, matches, match, covered, asksForSelf)
                : context.ContextOf(tokens, triggers, match.First, match.End, i => covered[i]);
            var evidence = tokens.Span(match.First, match.End);
            var start = tokens[match.First].Start;
            switch (match.Meaning.Category)
            {
                case "sign":
                    signs.Add(new SignFinding(match.Meaning, found, evidence, start));
                    findings.Add(new Finding("sign", match.Meaning.Meaning, found, evidence, start, evidence.Length));
                    break;
                case "audience" when Enum.TryParse<Speaker>(match.Meaning.Meaning.Split('-')[0], ignoreCase: true, out var speaker):
                    cues.Add(new AudienceCue(speaker, evidence, SexOf(match.Meaning.Tags)));
                    break;
                case "fact" when match.Meaning.Tags.Contains("planned-only") && found.Status != FindingStatus.Planned:
                    break;
                case "fact":
                    if (match.Meaning.Tags.Count > 0)
                    {
                        signs.Add(new SignFinding(match.Meaning, found, evidence, start));
                    }

                    findings.Add(new Finding(match.Meaning.Field!, match.Meaning.Value!, found, evidence, start, evidence.Length));
                    break;
            }
        }

        if (signs.Exists(s => s.Sign.Tags.Any(t => t.StartsWith(SignExplanations.Prefix, StringComparison.Ordinal))))
        {
            var explained = signs.Where(s => SignExplanations.Explained(signs, s)).Select(s => s.Sign.Meaning).ToHashSet(StringComparer.Ordinal);
            signs.RemoveAll(s => explained.Contains(s.Sign.Meaning));
            findings.RemoveAll(f => f.Field == "sign" && explained.Contains(f.Value));
        }

        return new LexiconFindings(findings, signs, cues, tokens.Truncated, triggers);
    }

    private FindingContext SignContext(
        MessageTokens tokens, IReadOnlyList<LexiconMatch> triggers, IReadOnlyList<LexiconMatch> matches, LexiconMatch sign,
        bool[] covered, bool asksForSelf)
    {
        // A trigger that starts before a sign and ends inside it ("never had" in "never had a fit") still reaches it.
        var first = sign.First;
        foreach (var trigger in triggers)
        {
            if (trigger.First < sign.First && trigger.End > first && trigger.End < sign.End)
            {
                first = trigger.End;
            }
        }

        var found = context.ContextOf(tokens, triggers, first, sign.End, i => covered[i]);
        if (found.Status == FindingStatus.Current && IsGeneralQuestion(tokens, sign))
        {
            found = found with { Status = FindingStatus.Hypothetical };
        }

        if (found.Status == FindingStatus.Current && DeniedByAnswer(tokens, triggers, sign))
        {
            found = found with { Status = FindingStatus.Negated };
        }

        return asksForSelf && found.Experiencer == Experiencer.Patient && RelativesPastEvent(tokens, matches, sign)
            ? found with { Experiencer = Experiencer.FamilyMember }
            : found;
    }

    /// <summary>
    /// "confused? no, she's with it", "slurred speech - no, that was a typo": a denial standing alone (a clause or a
    /// dash-and-comma stretch of its own) straight after a sign answers that sign. A denial that goes on to name
    /// something ("- no vomiting") is an ordinary forward denial, and a denial opening the message ("no, but she has
    /// a headache") answers the bot's question, not a sign.
    /// </summary>
    private static bool DeniedByAnswer(MessageTokens tokens, IReadOnlyList<LexiconMatch> triggers, LexiconMatch sign)
    {
        const int MostWordsBetween = 2;
        foreach (var trigger in triggers)
        {
            if (!trigger.Meaning.Meaning.StartsWith("negated", StringComparison.Ordinal)
                || trigger.First < sign.End || trigger.First - sign.End > MostWordsBetween)
            {
                continue;
            }

            var standsAlone = trigger.End == tokens.Count || tokens[trigger.End].CommaBefore || !tokens.SameClause(trigger.End - 1, trigger.End);
            var answersTheSign = tokens.SameClause(sign.End - 1, trigger.First)
                ? tokens[trigger.First].CommaBefore && Enumerable.Range(sign.End, trigger.First - sign.End).All(i => !tokens[i].CommaBefore)
                : tokens.IsQuestion(tokens[sign.End - 1].Clause) && tokens[trigger.First].Clause == tokens[sign.End - 1].Clause + 1
                    && Enumerable.Range(sign.End, trigger.First - sign.End).All(i => tokens.SameClause(i, sign.End - 1));
            if (standsAlone && answersTheSign)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A message that is one question about a sign with no one as its subject ("is black poo dangerous?", "does a
    /// GI bleed need a transfusion?") asks about the sign; "is she bleeding inside?" or a second sentence reports one.
    /// </summary>
    private static bool IsGeneralQuestion(MessageTokens tokens, LexiconMatch sign)
    {
        var clause = tokens[sign.First].Clause;
        if (tokens[0].Clause != clause || tokens[tokens.Count - 1].Clause != clause || !tokens.IsQuestion(clause)
            || !(QuestionWords.Contains(tokens[0].Word) || (tokens.Count > 1 && QuestionWords.Contains(tokens[1].Word))))
        {
            return false;
        }

        return !Enumerable.Range(0, sign.First).Any(i => Subjects.Contains(tokens[i].Word));
    }

    /// <summary>
    /// "my sister had a haemorrhage": a relative, then a verb of a past event, then the sign in the same clause with no
    /// "I" or "my" between. Read as the relative's only when the speaker says they ask for themselves; a caregiver's
    /// "my mum has collapsed" stays the patient's.
    /// </summary>
    private static bool RelativesPastEvent(MessageTokens tokens, IReadOnlyList<LexiconMatch> matches, LexiconMatch sign)
    {
        foreach (var relative in matches)
        {
            if (relative.Meaning is not { Category: "audience" } said || !said.Meaning.StartsWith("caregiver", StringComparison.Ordinal)
                || relative.End >= sign.First
                || tokens[relative.First].Word is not ("my" or "our")
                || !tokens.SameClause(relative.First, sign.First))
            {
                continue;
            }

            // "my sister had", "my sister has had", "my sister with ITP had": the verb within a few words of the relative.
            var pastVerb = Enumerable.Range(relative.End, Math.Min(4, sign.First - relative.End)).Any(i => PastEventVerbs.Contains(tokens[i].Word));
            var firstPersonBetween = Enumerable.Range(relative.End, sign.First - relative.End).Any(i => FirstPerson.Contains(tokens[i].Word));
            if (pastVerb && !firstPersonBetween)
            {
                return true;
            }
        }

        return false;
    }
    private static Knowledge.Model.Sex? SexOf(IReadOnlySet<string> tags) =>
        tags.Contains("female") ? Knowledge.Model.Sex.Female : tags.Contains("male") ? Knowledge.Model.Sex.Male : null;
}
