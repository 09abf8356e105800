using System.Globalization;

namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// A lexicon phrase compiled to word matchers. Grammar: words separated by spaces; <c>word*</c> matches any word
/// starting with <c>word</c>; <c>a|b|c</c> matches any of them; <c>..</c> lets up to three other words in between;
/// <c>?word</c> is optional; <c>#&lt;90</c> and <c>#&gt;100</c> match a number below or above a limit (vitals, GCS). Matching is over <see cref="MessageTokens"/>, so punctuation never sits inside a match.
/// </summary>
internal sealed class PhrasePattern
{
    private const int MaxGap = 3;

    private readonly WordMatcher[] parts;

    private PhrasePattern(string source, WordMatcher[] parts)
    {
        Source = source;
        this.parts = parts;
    }

    public string Source { get; }

    /// <summary>The literal first words a match can start with; empty when the first part is a prefix.</summary>
    public IReadOnlyList<string> FirstWords => parts[0].Literals;

    /// <summary>Every literal word of the phrase (not prefixes or numbers): the words spelling tolerance may restore.</summary>
    public IEnumerable<string> LiteralWords => parts.SelectMany(p => p.Literals);

    public bool StartsWithPrefix => parts[0].Prefixes.Count > 0 || parts[0].Numbers.Count > 0 || parts[0].Optional;

    /// <summary>The first characters a word can start with to begin a match by prefix or number (for the matcher's index).</summary>
    public IEnumerable<char> PrefixFirstCharacters =>
        parts[0].Prefixes.Where(p => p.Length > 0).Select(p => p[0])
            .Concat(parts[0].Numbers.Count > 0 ? "0123456789" : string.Empty)
            .Distinct();

    /// <summary>
    /// Every pattern a written phrase stands for: a group <c>(a b|c)</c> offers whole word sequences as choices, so
    /// "legs .. (giving way|weak*)" is two patterns.
    /// </summary>
    public static IReadOnlyList<PhrasePattern> ParseAll(string phrase)
    {
        var open = phrase.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return [Parse(phrase)];
        }

        var close = phrase.IndexOf(')', open);
        if (close < 0 || phrase.IndexOf('(', open + 1) is var nested && nested >= 0 && nested < close)
        {
            throw new FormatException($"'{phrase}' has an unclosed or nested group.");
        }

        var head = phrase[..open];
        var tail = phrase[(close + 1)..];
        return phrase[(open + 1)..close].Split('|')
            .SelectMany(choice => ParseAll($"{head} {choice.Trim()} {tail}"))
            .ToList();
    }

    public static PhrasePattern Parse(string phrase)
    {
        var words = UnderstandingText.Normalize(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var parts = new List<WordMatcher>();
        var gapBefore = false;
        foreach (var word in words)
        {
            if (word == "..")
            {
                gapBefore = true;
                continue;
            }

            var optional = word.StartsWith('?');
            var body = optional ? word[1..] : word;
            var literals = new List<string>();
            var prefixes = new List<string>();
            var numbers = new List<NumberLimit>();
            foreach (var choice in body.Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                if (choice.StartsWith('#'))
                {
                    numbers.Add(NumberLimit.Parse(choice, phrase));
                }
                else if (choice.EndsWith('*'))
                {
                    prefixes.Add(choice.TrimEnd('*'));
                }
                else
                {
                    literals.Add(Contractions.Canonical(choice));
                }
            }

            if (literals.Count + prefixes.Count + numbers.Count == 0)
            {
                throw new FormatException($"'{phrase}' has an empty word.");
            }

            parts.Add(new WordMatcher(literals, prefixes, numbers, optional, gapBefore));
            gapBefore = false;
        }

        if (parts.Count == 0 || gapBefore || parts[0].GapBefore || parts[0].Optional)
        {
            throw new FormatException($"'{phrase}' must start and end with a word (not '..' or an optional word).");
        }

        return new PhrasePattern(phrase, [.. parts]);
    }

    /// <summary>Every spelled-out form (for the check that no phrase claims two meanings); null when there are too many.</summary>
    public IReadOnlyList<string>? Expansions(int limit = 64)
    {
        IEnumerable<string> forms = [string.Empty];
        foreach (var part in parts)
        {
            var choices = part.Literals.Concat(part.Prefixes.Select(p => p + "*")).Concat(part.Numbers.Select(n => n.Source)).ToList();
            if (part.Optional)
            {
                choices.Add(string.Empty);
            }

            var prefix = part.GapBefore ? " .." : string.Empty;
            forms = forms.SelectMany(f => choices.Select(c => c.Length == 0 ? f : $"{f}{prefix} {c}")).ToList();
            if (forms.Count() > limit)
            {
                return null;
            }
        }

        return forms.Select(f => f.Trim()).ToList();
    }

    /// <summary>The match starting at word <paramref name="first"/>: the index after its last word, or -1.</summary>
    public int MatchAt(MessageTokens tokens, int first) => Match(tokens, first, 0);

    private int Match(MessageTokens tokens, int at, int part)
    {
        if (part == parts.Length)
        {
            return at;
        }

        var matcher = parts[part];
        var maxGap = matcher.GapBefore ? MaxGap : 0;
        for (var gap = 0; gap <= maxGap; gap++)
        {
            var index = at + gap;
            if (index >= tokens.Count || (gap > 0 && !tokens.SameClause(at - 1, index)) || (gap > 1 && tokens[index - 1].CommaBefore))
            {
                break;
            }

            if (index > 0 && part > 0 && !tokens.SameClause(index - 1, index) && !matcher.GapBefore)
            {
                break;
            }

            if (matcher.Matches(tokens[index].Word))
            {
                var end = Match(tokens, index + 1, part + 1);
                if (end >= 0)
                {
                    return end;
                }
            }
        }

        return matcher.Optional && !matcher.GapBefore ? Match(tokens, at, part + 1) : -1;
    }

    /// <summary>
    /// A number word compared with a limit: <c>#&lt;90</c> (below 90) or <c>#&gt;100</c> (above 100); a unit written
    /// onto the number ("600ml") is named after the limit: <c>#&gt;499ml</c>. A range, both ends included, is written
    /// <c>#1950-2029</c>: a year is four digits, so "haemoptysis 200 ml" is no year and no history.
    /// </summary>
    private sealed record NumberLimit(string Source, double Lowest, double Highest, string Unit)
    {
        public static NumberLimit Parse(string choice, string phrase)
        {
            var error = new FormatException($"'{phrase}' has '{choice}', not a number limit such as #<90, #>100, #>499ml or #1950-2029.");
            if (choice.Length > 2 && choice[1] is '<' or '>')
            {
                var digits = 2;
                while (digits < choice.Length && (char.IsAsciiDigit(choice[digits]) || choice[digits] == '.'))
                {
                    digits++;
                }

                if (!double.TryParse(choice[2..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var limit)
                    || !choice[digits..].All(char.IsAsciiLetterLower))
                {
                    throw error;
                }

                return choice[1] == '<'
                    ? new NumberLimit(choice, double.NegativeInfinity, Math.BitDecrement(limit), choice[digits..])
                    : new NumberLimit(choice, Math.BitIncrement(limit), double.PositiveInfinity, choice[digits..]);
            }

            var range = choice[1..].Split('-');
            return range.Length == 2
                && range.All(end => end.Length > 0 && end.All(char.IsAsciiDigit))
                && double.Parse(range[0], CultureInfo.InvariantCulture) is var lowest
                && double.Parse(range[1], CultureInfo.InvariantCulture) is var highest && lowest <= highest
                    ? new NumberLimit(choice, lowest, highest, string.Empty)
                    : throw error;
        }

        public bool Matches(string word) =>
            word.EndsWith(Unit, StringComparison.Ordinal)
            && double.TryParse(word.AsSpan(0, word.Length - Unit.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= Lowest && value <= Highest;
    }

    private sealed record WordMatcher(List<string> Literals, List<string> Prefixes, List<NumberLimit> Numbers, bool Optional, bool GapBefore)
    {
        public bool Matches(string word)
        {
            foreach (var literal in Literals)
            {
                if (string.Equals(literal, word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (var prefix in Prefixes)
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (var number in Numbers)
            {
                if (number.Matches(word))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
