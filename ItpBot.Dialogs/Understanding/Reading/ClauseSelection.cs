using System.Text;
using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// The text the fact recognisers read: the message without its hypothetical clauses ("what if romiplostim fails?")
/// and clauses about someone else ("her sister had a clot"), with label answers spelt out ("Splenectomy: N" reads
/// "no splenectomy"), capped in length. Planned and past clauses stay; their findings are sorted by context later.
/// </summary>
internal static partial class ClauseSelection
{
    public static string FactText(
        MessageTokens tokens, IReadOnlyList<LexiconMatch> triggers, IReadOnlyList<QuestionSpan> questions, int maxCharacters)
    {
        var text = new StringBuilder();
        var clauses = tokens.Clauses().ToList();
        var relativeWords = SelfContrast.Default.RelativeWords(tokens, triggers);
        for (var c = 0; c < clauses.Count; c++)
        {
            var (_, first, end) = clauses[c];
            // A question names what it asks about ("is rituximab safe in pregnancy?"); it does not state it. What
            // comes before it in the sentence still does ("52F, plt 20, should we start treatment"). A form's label
            // answered at once ("Splenectomised? no") is no question.
            var stop = questions.FirstOrDefault(q => q.First >= first && q.First < end) is { End: > 0 } question && !IsAnsweredLabel(tokens, clauses, c)
                ? question.First
                : end;
            // "my mother had a DVT, but I've never had one": the relative's words, up to the next comma, are theirs.
            if (relativeWords.FirstOrDefault(r => r.First == first) is { End: > 0 } relative)
            {
                if (relative.End >= stop)
                {
                    continue;
                }

                first = relative.End;
            }

            if (stop == first || triggers.Any(t => t.First >= first && t.First < stop && IsSetAside(t.Meaning) && !DoubtsAnOutcome(tokens, t)))
            {
                continue;
            }

            var from = tokens[first].Start;
            var to = stop < tokens.Count ? tokens[stop].Start : tokens.Text.Length;
            text.Append(tokens.Text, from, to - from);
            if (text.Length >= maxCharacters)
            {
                break;
            }
        }

        var selected = text.Length > maxCharacters ? text.ToString(0, maxCharacters) : text.ToString();
        return LabelNo().Replace(LabelYes().Replace(selected, "$1 "), "no $1 ");
    }

    private static bool IsAnsweredLabel(MessageTokens tokens, List<(int Clause, int First, int End)> clauses, int index) =>
        clauses[index].End - clauses[index].First <= MaxLabelWords
        && index + 1 < clauses.Count
        && LabelAnswers.Contains(tokens[clauses[index + 1].First].Word)
        && (clauses[index + 1].End - clauses[index + 1].First == 1 || tokens[clauses[index + 1].First + 1].CommaBefore);

    private const int MaxLabelWords = 3;

    private static readonly HashSet<string> LabelAnswers = new(StringComparer.Ordinal)
    {
        "yes", "y", "no", "n", "none", "nil", "neg", "negative", "done", "never",
    };

    // "no idea whether it worked", "not sure if that helped": a doubt about how a past treatment went is the unknown
    // outcome of that treatment, not a hypothetical.
    private static bool DoubtsAnOutcome(MessageTokens tokens, LexiconMatch trigger)
    {
        if (trigger.First < 2 || trigger.End + 1 >= tokens.Count)
        {
            return false;
        }

        var doubt = $"{tokens[trigger.First - 2].Word} {tokens[trigger.First - 1].Word}";
        return DoubtWords.Contains(doubt) || DoubtWords.Contains(tokens[trigger.First - 1].Word)
            ? OutcomePronouns.Contains(tokens[trigger.End].Word) && OutcomeVerbs.Contains(tokens[trigger.End + 1].Word)
            : false;
    }

    private static readonly IReadOnlySet<string> DoubtWords = LexiconRegex.Forms(ReadingLexicon.Default, "outcome", "doubt");

    private static readonly HashSet<string> OutcomePronouns = new(StringComparer.Ordinal) { "it", "that", "this", "they", "those", "these" };

    private static readonly HashSet<string> OutcomeVerbs = new(StringComparer.Ordinal)
    {
        "went", "worked", "helped", "did", "responded", "made", "changed", "lasted",
    };

    private static bool IsSetAside(LexiconMeaning trigger) =>
        (trigger.Meaning.StartsWith("hypothetical", StringComparison.Ordinal) && !trigger.Tags.Contains("wish") && !trigger.Tags.Contains("signs-only"))
        || (trigger.Tags.Contains("experiencer") && !trigger.Tags.Contains("self-contrast"));

    // "splenectomy: no", "Splenectomy - N", "pregnant: neg" (a label, then a one-word answer).
    [GeneratedRegex(@"(?<=^|[,;.\n(]\s*)([a-z][a-z -]{1,30}?)\s*(?::|=|\?|\s-\s)\s*(?:no|n|none|nil|neg|negative|x|not done|never)\b(?=\s*(?:$|[,;.\n)(]))", RegexOptions.CultureInvariant)]
    private static partial Regex LabelNo();

    [GeneratedRegex(@"(?<=^|[,;.\n(]\s*)([a-z][a-z -]{1,30}?)\s*(?::|=|\?|\s-\s)\s*(?:yes|y|done)\b(?=\s*(?:$|[,;.\n)(]))", RegexOptions.CultureInvariant)]
    private static partial Regex LabelYes();
}
