namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Who a fact is about when the speaker sets a relative against themselves ("my mother had a DVT, but I've never had
/// one", "my husband's diabetic but I'm the one with ITP", "our son has asthma, but he's not the patient"): the
/// relative is named only to be set apart, so a clause that opens with the relative is theirs, and the relative's sex
/// is not the patient's. The contrast is said either by the lexicon's self-contrast phrases (context.yaml) or by an
/// elliptical self-denial after "but" ("but I don't", "but I haven't", "not me"), which has nothing of its own to say.
/// </summary>
internal sealed class SelfContrast(ReadingLexicon lexicon)
{
    public static SelfContrast Default { get; } = new(ReadingLexicon.Default);

    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal) { "and", "but", "also", "so", "though", "although", "whereas", "while" };

    private static readonly HashSet<string> Possessives = new(StringComparer.Ordinal) { "my", "our", "his", "her", "their", "the", "pt's", "patient's" };

    private static readonly HashSet<string> Contrasts = new(StringComparer.Ordinal) { "but", "though", "although", "whereas", "while" };

    private static readonly HashSet<string> Self = new(StringComparer.Ordinal) { "i", "i've", "i'm", "i'd", "me", "myself" };

    // Words an elliptical self-denial is made of: a pronoun, an auxiliary, a negation and a pro-form ("one", "it").
    private static readonly HashSet<string> Ellipsis = new(StringComparer.Ordinal)
    {
        "i", "i've", "i'm", "me", "myself", "not", "never", "don't", "didn't", "haven't", "hasn't", "doesn't", "do", "did", "have", "had",
        "has", "got", "get", "one", "it", "that", "them", "those", "any", "yet", "luckily", "thankfully", "fortunately", "so", "far", "am",
        "though", "personally", "no", "nothing", "like", "that's",
    };

    private readonly HashSet<string> relatives = lexicon.Category("person")
        .Where(m => m.Tags.Contains("person") && (m.Tags.Contains("female") || m.Tags.Contains("male")) && !m.Tags.Contains("with-age"))
        .SelectMany(m => m.Phrases).Select(p => p.Source).Where(p => !p.Contains(' ', StringComparison.Ordinal))
        .Concat(["cousin", "niece", "nephew", "grandparent", "granddad", "grandpa", "partner", "friend", "child", "kid", "stepmum", "stepdad"])
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the message sets a relative against the speaker.</summary>
    public bool IsIn(MessageTokens tokens, IReadOnlyList<LexiconMatch> triggers) =>
        IsFamilyHistory(tokens) || triggers.Any(t => t.Meaning.Tags.Contains("self-contrast")) || tokens.Clauses().Any(c => IsSelfDenial(tokens, c.First, c.End))
        || Enumerable.Range(1, Math.Max(0, tokens.Count - 1)).Any(i => tokens[i].Word == "me" && tokens[i - 1].Word == "not");

    /// <summary>
    /// The words of a clause that speak of the relative: from a clause's start, when it opens with the relative, to the
    /// next comma ("my brother is on warfarin, not me"), or the whole clause. Empty when the message sets no relative
    /// against the speaker.
    /// </summary>
    public IReadOnlyList<(int First, int End)> RelativeWords(MessageTokens tokens, IReadOnlyList<LexiconMatch> triggers)
    {
        if (!IsIn(tokens, triggers))
        {
            return [];
        }

        var spans = new List<(int, int)>();
        foreach (var (_, first, end) in tokens.Clauses())
        {
            if (OpensWithRelative(tokens, first, end))
            {
                var next = first + 1;
                while (next < end && !tokens[next].CommaBefore)
                {
                    next++;
                }

                spans.Add((first, next));
            }
        }

        return spans;
    }

    private static readonly HashSet<string> HadVerbs = new(StringComparer.Ordinal) { "had", "got", "suffered", "developed", "died" };

    private readonly LexiconMatcher conditions = new(lexicon.Category("comorbidity"));

    // "my sister had a DVT in her twenties", "grandma had a stroke": a relative's past condition said on its own, with
    // nothing of the patient beside it, is family history (a relative's past treatment is the patient's story).
    private bool IsFamilyHistory(MessageTokens tokens)
    {
        if (tokens.Count == 0 || tokens.Clauses().Count() != 1 || !OpensWithRelative(tokens, 0, tokens.Count))
        {
            return false;
        }

        var verb = 1;
        while (verb < tokens.Count && !HadVerbs.Contains(tokens[verb].Word) && verb < 3)
        {
            verb++;
        }

        return verb < tokens.Count && HadVerbs.Contains(tokens[verb].Word)
            && !Enumerable.Range(0, tokens.Count).Any(i => tokens[i].CommaBefore)
            && conditions.FindAll(tokens).Any(c => c.First > verb && c.First <= verb + 4);
    }

    /// <summary>Whether the words [first, end) open with a relative as their subject ("my mum's on warfarin", "grandma had").</summary>
    public bool OpensWithRelative(MessageTokens tokens, int first, int end)
    {
        var i = first;
        while (i < end && Openers.Contains(tokens[i].Word))
        {
            i++;
        }

        if (i < end && Possessives.Contains(tokens[i].Word))
        {
            i++;
        }

        return i < end && relatives.Contains(Bare(tokens[i].Word));
    }

    // "but I've never had one", "but I don't", "though not me": a contrast with nothing of its own to say.
    private static bool IsSelfDenial(MessageTokens tokens, int first, int end)
    {
        var words = end - first;
        if (words < 2 || words > 7 || !Contrasts.Contains(tokens[first].Word))
        {
            return false;
        }

        var self = false;
        var denies = false;
        for (var i = first + 1; i < end; i++)
        {
            var word = tokens[i].Word;
            if (!Ellipsis.Contains(word))
            {
                return false;
            }

            self |= Self.Contains(word);
            denies |= word is "not" or "never" or "no" or "nothing" || word.EndsWith("n't", StringComparison.Ordinal);
        }

        return self && denies;
    }

    private static string Bare(string word) => word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;
}
