namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>Words [First, End) of a message that ask something rather than state it.</summary>
/// <param name="Answered">
/// The writer answers it at once ("spleen out? no"): a form's line. Its words still state nothing by themselves (the
/// answer after it does), but the message does not ask.
/// </param>
internal readonly record struct QuestionSpan(int First, int End, bool Answered = false);

/// <summary>
/// Finds the questions in a message, with or without a question mark: a question-mark clause, or a clause part that
/// opens like a question ("should we start romiplostim", "52F, plt 20, is that dangerous") or asks somewhere inside
/// ("I was wondering if she can have the flu jab"). The words are the lexicon's <c>question</c> category; where they
/// count is the grammar here. A question names what it asks about; it does not state it, so its words fill nothing.
/// </summary>
internal sealed class QuestionReader
{
    private readonly LexiconMatcher phrases;
    private readonly HashSet<string> auxiliaries;
    private readonly HashSet<string> notAfterAuxiliary;
    private readonly HashSet<string> subjects;
    private readonly HashSet<string> possessives;
    private readonly HashSet<string> determiners;
    private readonly HashSet<string> embedders;
    private readonly LexiconMatcher statements;
    private readonly LexiconMatcher answers;

    public QuestionReader(ReadingLexicon lexicon)
    {
        var meanings = lexicon.Category("question");
        phrases = new LexiconMatcher(meanings.Where(m => m.Meaning is "opens" or "opens-sentence" or "asks" or "opens-last"));
        statements = new LexiconMatcher(meanings.Where(m => m.Meaning == "states"));
        answers = new LexiconMatcher(lexicon.Category("yesno").Where(m => m.Meaning != YesNoMeanings.Courtesy));
        auxiliaries = Words(meanings, "auxiliary");
        possessives = Words(meanings, "auxiliary-before-subject");
        notAfterAuxiliary = Words(meanings, "not-after-auxiliary");
        subjects = Words(meanings, "subject");
        determiners = Words(meanings, "determiner");
        embedders = Words(meanings, "embeds");
    }

    public IReadOnlyList<QuestionSpan> Read(MessageTokens tokens)
    {
        var found = phrases.FindAll(tokens);
        var stated = statements.FindAll(tokens);
        var answered = answers.FindAll(tokens);
        var spans = new List<QuestionSpan>();
        foreach (var (clause, first, end) in tokens.Clauses())
        {
            // "spleen out? no": the writer answers at once; the clause is a form's line, not a question.
            if (tokens.IsQuestion(clause) && answered.Exists(a => a.First == end))
            {
                spans.Add(new QuestionSpan(first, end, Answered: true));
                continue;
            }

            int? start = null;
            for (var i = first; i < end && start is null; i++)
            {
                var opensHere = i == first || tokens[i].CommaBefore;
                if (opensHere && (Opens(found, i, i == first) || OpensLast(tokens, found, i) || AuxiliaryOpens(tokens, i, end, i == first) && !States(stated, i)
                    || i > first && InvertsAfterQuestionWord(tokens, found, i, end)))
                {
                    start = i;
                }
            }

            // "pre-splenectomy vaccines - which ones and when": a short heading before a question word is its topic
            // ("vaccines all done, can we go ahead" states its first part: a verb opens the question there).
            if (start is { } opened && opened > first && opened - first <= MaxHeadingWords && Opens(found, opened, sentenceStart: false)
                && !States(tokens, first, opened))
            {
                start = first;
            }

            foreach (var match in found)
            {
                if (match.Meaning.Meaning == "asks" && match.First >= first && match.First < end && !Embedded(tokens, match.First))
                {
                    var part = PartStart(tokens, first, match.First);
                    start = start is { } s ? Math.Min(s, part) : part;
                }
            }

            if (start is null && tokens.IsQuestion(clause))
            {
                start = LastOpeningPart(tokens, found, first, end) ?? LastBarePart(tokens, first, end) ?? first;
            }

            if (start is { } from)
            {
                spans.Add(new QuestionSpan(from, end));
            }
        }

        return spans;
    }

    // "28 weeks pregnant with plt 35 - which treatments are safe?": facts, a pause, then a question that opens like a
    // sentence of its own. The question mark says the last part asks, so a sentence opener after the pause opens it;
    // what comes before is stated when it reads as a statement. A short heading ("pre-splenectomy vaccines - which
    // ones?") is the question's topic, and without a part that opens a question the whole clause asks.
    private int? LastOpeningPart(MessageTokens tokens, List<LexiconMatch> found, int first, int end)
    {
        for (var i = end - 1; i > first; i--)
        {
            if (tokens[i].CommaBefore && Opens(found, i, sentenceStart: true))
            {
                return States(tokens, first, i) ? i : null;
            }
        }

        return null;
    }

    // "on rivaroxaban with a count of 18 - hold or reduce?", "LP tomorrow, plt 48 - safe?": a question mark after a
    // short last part with no question word asks only that part; what comes before states the case when it reads
    // as a statement.
    private int? LastBarePart(MessageTokens tokens, int first, int end)
    {
        for (var i = end - 1; i > first; i--)
        {
            if (tokens[i].CommaBefore)
            {
                return end - i <= MaxBarePartWords && States(tokens, first, i) ? i : null;
            }
        }

        return null;
    }

    private const int MaxBarePartWords = 4;

    private bool States(MessageTokens tokens, int first, int end)
    {
        var word = tokens[first].Word;
        var subject = word.IndexOf('\'', StringComparison.Ordinal) is var apostrophe and > 0 ? word[..apostrophe] : word;
        return end - first >= MinStatementWords || subjects.Contains(subject)
            || Enumerable.Range(first, end - first).Any(i => char.IsDigit(tokens[i].Word[0]));
    }

    private const int MinStatementWords = 4;

    // "not sure how long he's had it", "no clue what dose she's on": a question inside what the writer does not know
    // answers; it does not ask.
    private bool Embedded(MessageTokens tokens, int word) => word > 0 && embedders.Contains(tokens[word - 1].Word);

    private const int MaxHeadingWords = 3;

    // "has a coil in" at a sentence's start states a fact (a question mark still makes the clause a question).
    private static bool States(List<LexiconMatch> stated, int word) => stated.Exists(m => m.First == word);

    // "failed two TPO-RAs, next step": a heading that asks only as the message's last words ("next step was
    // splenectomy" states what was done).
    private static bool OpensLast(MessageTokens tokens, List<LexiconMatch> found, int word) =>
        found.Exists(m => m.First == word && m.Meaning.Meaning == "opens-last" && m.End == tokens.Count);

    private static bool Opens(List<LexiconMatch> found, int word, bool sentenceStart) =>
        found.Any(m => m.First == word && (m.Meaning.Meaning == "opens" || (sentenceStart && m.Meaning.Meaning == "opens-sentence")));

    // "does fostamatinib cause ...", "is ITP hereditary": a verb first, then its subject. Not "is on eltrombopag".
    // "has she had ...", "have the counts risen": a possessive verb asks only before its subject ("has chronic HBV",
    // "had a bleed in 2019" state what the patient has). After a comma the verb asks before a subject ("plt 15, is
    // that dangerous"), or as the message's last part of a few words ("72 yo, plt 18, can aspirin continue"); a part
    // in the middle is more often a statement ("ivig, did nothing, then pred").
    private bool AuxiliaryOpens(MessageTokens tokens, int word, int end, bool sentenceStart)
    {
        var verb = tokens[word].Word;
        if (!auxiliaries.Contains(verb) && !possessives.Contains(verb) || word + 1 >= end || tokens[word + 1].CommaBefore)
        {
            return false;
        }

        var next = tokens[word + 1].Word;
        if (possessives.Contains(verb))
        {
            // After a comma only a pronoun makes it ask ("plt 15, has she bled"): "29F, has the copper coil" states
            // what she has.
            return subjects.Contains(next) || (sentenceStart && determiners.Contains(next));
        }

        var lastPart = end == tokens.Count && end - word >= MinLastPartWords
            && !Enumerable.Range(word + 1, end - word - 1).Any(i => tokens[i].CommaBefore);
        return sentenceStart || lastPart
            ? !notAfterAuxiliary.Contains(next) && !char.IsDigit(next[0])
            : subjects.Contains(next);
    }

    private const int MinLastPartWords = 3;

    // "count still 15 after steroids, when is it chronic", "relapsed on pred, why did she": after a comma a question
    // word starts a relative clause ("rituximab, which was given in 2019"), unless the verb comes before its subject.
    private bool InvertsAfterQuestionWord(MessageTokens tokens, List<LexiconMatch> found, int word, int end)
    {
        foreach (var match in found)
        {
            if (match.First != word || match.Meaning.Meaning != "opens-sentence")
            {
                continue;
            }

            var verb = auxiliaries.Contains(tokens[match.End - 1].Word) && match.End - word > 1 ? match.End - 1 : match.End;
            return verb + 1 < end && auxiliaries.Contains(tokens[verb].Word) && subjects.Contains(tokens[verb + 1].Word)
                && !tokens[verb].CommaBefore && !tokens[verb + 1].CommaBefore;
        }

        return false;
    }

    // A question asked mid-sentence starts where its comma-separated part does.
    private static int PartStart(MessageTokens tokens, int first, int word)
    {
        var i = word;
        while (i > first && !tokens[i].CommaBefore)
        {
            i--;
        }

        return i;
    }

    private static HashSet<string> Words(IReadOnlyList<LexiconMeaning> meanings, string meaning) =>
        meanings.Where(m => m.Meaning == meaning).SelectMany(m => m.Phrases).Select(p => p.Source).ToHashSet(StringComparer.Ordinal);
}
