namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// ConText (Harkema et al., after NegEx): trigger phrases from the lexicon's <c>context</c> category mark what
/// follows (forward) or precedes (backward) them, within a window of words and inside one clause, until a
/// terminating phrase. A comma ends a forward scope unless what follows it is a list of findings ("no headache,
/// vomiting or confusion"). Pseudo-triggers ("no response", "not only") look like triggers and mark nothing.
/// </summary>
internal sealed class ContextReader
{
    private const int ForwardWindow = 6;
    private const int BackwardWindow = 4;

    private static readonly string[] Conjunctions = ["or", "and", "nor", "no", "any", "a", "an", "the"];

    private readonly LexiconMatcher triggers;

    public ContextReader(ReadingLexicon lexicon) =>
        triggers = new LexiconMatcher(lexicon.Category("context"));

    /// <summary>The context triggers found in a message (read once, used for every finding).</summary>
    public IReadOnlyList<LexiconMatch> Triggers(MessageTokens tokens) => triggers.FindAll(tokens);

    /// <summary>
    /// The context of words [first, end): the strongest status any trigger in scope gives, and whom it is about.
    /// <paramref name="findingWords"/> marks words that belong to findings, so list scopes can cross commas.
    /// </summary>
    public FindingContext ContextOf(
        MessageTokens tokens, IReadOnlyList<LexiconMatch> found, int first, int end, Func<int, bool> findingWords)
    {
        var status = FindingStatus.Current;
        var experiencer = Experiencer.Patient;
        foreach (var trigger in found)
        {
            if (trigger.Meaning.Direction == "none")
            {
                continue;
            }

            var direction = trigger.Meaning.Direction;
            var kind = Kind(trigger.Meaning);
            var endsAtSubject = kind is "negated" or "historical";
            // A plan, or a date written after its event ("in 2012"), covers its own clause only: "trying to conceive,
            // HBV neg, vaccines done" plans the pregnancy alone. A list opener ("no", "history of") reaches along a list.
            var alongLists = kind is not ("planned" or "experiencer") && !(kind == "historical" && direction == "both");
            var inScope =
                (direction is "forward" or "both" && trigger.First < first && trigger.End > first)
                || (direction is "forward" or "both" && trigger.End <= first && ForwardReaches(tokens, found, trigger.End, first, findingWords, endsAtSubject, alongLists))
                || (direction is "backward" or "both" && trigger.First >= end && BackwardReaches(tokens, found, end, trigger.First));
            if (!inScope)
            {
                continue;
            }

            switch (kind)
            {
                case "experiencer":
                    experiencer = trigger.Meaning.Meaning == "speaker" ? Experiencer.Speaker : Experiencer.FamilyMember;
                    break;
                case { } named when Enum.TryParse<FindingStatus>(named, ignoreCase: true, out var marked) && Rank(marked) > Rank(status):
                    status = marked;
                    break;
            }
        }

        return status == FindingStatus.Current && experiencer == Experiencer.Patient ? FindingContext.Current : new FindingContext(status, experiencer);
    }

    private static string Kind(LexiconMeaning trigger) =>
        trigger.Tags.Contains("experiencer") ? "experiencer" : trigger.Meaning.Split('-')[0];

    // Which status wins when two triggers reach one finding: a question about a denial is still a question.
    private static int Rank(FindingStatus status) => status switch
    {
        FindingStatus.Hypothetical => 4,
        FindingStatus.Negated => 3,
        FindingStatus.Planned => 2,
        FindingStatus.Historical => 1,
        _ => 0,
    };

    private static bool ForwardReaches(
        MessageTokens tokens, IReadOnlyList<LexiconMatch> found, int from, int to, Func<int, bool> findingWords, bool endsAtSubject,
        bool alongLists)
    {
        if (from >= tokens.Count || to >= tokens.Count || !tokens.SameClause(from == 0 ? 0 : from - 1, to))
        {
            return false;
        }

        // "heavy periods? no, post menopausal", "no, but we'd like a baby": a trigger that is a whole answer, with a
        // comma straight after it, says nothing of what follows.
        if (tokens[from].CommaBefore)
        {
            return false;
        }

        var words = 0;
        for (var i = from; i < to; i++)
        {
            if (!tokens.SameClause(i, to) || IsTerminator(found, i, endsAtSubject))
            {
                return false;
            }

            if (!findingWords(i) && !Conjunctions.Contains(tokens[i].Word))
            {
                words++;
            }
        }

        // Past a comma only a list of findings continues the scope.
        for (var i = from; i <= to; i++)
        {
            if (tokens[i].CommaBefore)
            {
                if (!alongLists)
                {
                    return false;
                }

                for (var j = i; j < to; j++)
                {
                    if (!findingWords(j) && !Conjunctions.Contains(tokens[j].Word))
                    {
                        return false;
                    }
                }
            }
        }

        return words <= ForwardWindow;
    }

    private static bool BackwardReaches(MessageTokens tokens, IReadOnlyList<LexiconMatch> found, int from, int to)
    {
        if (from >= tokens.Count || to >= tokens.Count || to - from > BackwardWindow || !tokens.SameClause(from - 1, to))
        {
            return false;
        }

        for (var i = from; i <= to; i++)
        {
            if ((i < to && IsTerminator(found, i, endsAtSubject: true)) || tokens[i].CommaBefore)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTerminator(IReadOnlyList<LexiconMatch> found, int word, bool endsAtSubject)
    {
        foreach (var trigger in found)
        {
            var ends = trigger.Meaning.Meaning == "terminate" || (endsAtSubject && trigger.Meaning.Meaning == "terminate-negated");
            if (ends && word >= trigger.First && word < trigger.End)
            {
                return true;
            }
        }

        return false;
    }
}
