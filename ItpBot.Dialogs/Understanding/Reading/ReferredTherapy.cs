using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// A statement beside a question that points back at the one drug the question names tells of that drug: "Can she
/// stay on Nplate while pregnant? 10 weeks now, counts fine on it." is a response to romiplostim; "How long after
/// rituximab before trying for a baby? She had it in August." is rituximab had. The question's own words still state
/// nothing (it names what it asks about), so the fact text, which holds only the statement, names the drug where the
/// statement points at it. Only when the questions name exactly one therapy and the statements name none: with two
/// drugs in play "it" could be either, and a statement with its own drug is read as it stands.
/// </summary>
internal sealed class ReferredTherapy(ReadingLexicon lexicon)
{
    // "on it", "had it in August": the pronoun as what is taken.
    private readonly Regex takesIt = new(
        $@"\b(?<verb>{LexiconRegex.Alternation(lexicon, "reference", "takes-it", "started")})(?<gap>\s+){LexiconRegex.Alternation(lexicon, "reference", "pronoun")}\b",
        RegexOptions.CultureInvariant);

    // "it's keeping me at 90", "it worked for a year": the pronoun as what acts.
    private readonly Regex itDoes = new(
        $@"\b{LexiconRegex.Alternation(lexicon, "reference", "pronoun")}(?<rest>(?:'s|\s+is|\s+was|\s+has|\s+had|\s+has\s+been|\s+had\s+been)?\s+{LexiconRegex.Alternation(lexicon, "reference", "it-does")})\b",
        RegexOptions.CultureInvariant);

    // "Started 3 weeks ago.": a statement opening with a start and a time, no object.
    private readonly Regex started = new(
        $@"(?<=^|[.;!?\n]\s*)(?<verb>{LexiconRegex.Alternation(lexicon, "reference", "started")})(?=\s+(?:\d|{LexiconRegex.Alternation(lexicon, "reference", "time-opening")}\b))",
        RegexOptions.CultureInvariant);

    /// <summary><paramref name="factText"/> with the question's one drug named where a statement points at it.</summary>
    public string Resolve(
        string factText, MessageTokens tokens, IReadOnlyList<QuestionSpan> asked, IReadOnlyList<TherapyMention> named, IReadOnlyList<LexiconMatch> triggers)
    {
        // "my sister had it and it worked well": someone else in the message may be who "it" was given to.
        if (factText.Length == 0 || named.Count == 0 || !asked.Any(q => !q.Answered)
            || SelfContrast.Default.RelativeWords(tokens, triggers).Count > 0
            || triggers.Any(t => t.Meaning.Tags.Contains("experiencer")))
        {
            return factText;
        }

        var inQuestion = named.Where(m => asked.Any(q => !q.Answered && Inside(tokens, q, m.Start))).ToList();
        if (inQuestion.Count == 0 || inQuestion.Count < named.Count
            || inQuestion.Select(m => m.TherapyId).Distinct(StringComparer.Ordinal).ToList() is not [{ }])
        {
            return factText;
        }

        var drug = inQuestion[0].Text;
        var resolved = takesIt.Replace(factText, m => m.Groups["verb"].Value + m.Groups["gap"].Value + drug);
        resolved = itDoes.Replace(resolved, m => drug + m.Groups["rest"].Value);
        return started.Replace(resolved, m => m.Groups["verb"].Value + " " + drug);
    }

    private static bool Inside(MessageTokens tokens, QuestionSpan question, int start) =>
        start >= tokens[question.First].Start && start < tokens[question.End - 1].End;
}
