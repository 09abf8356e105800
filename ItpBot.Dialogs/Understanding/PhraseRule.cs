using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>A phrase pattern (over normalised text) that means <typeparamref name="T"/>.</summary>
internal sealed record PhraseRule<T>(T Value, Regex Pattern)
{
    public PhraseRule(T value, string pattern)
        : this(value, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled))
    {
    }
}

/// <summary>A rule's match in a normalised text.</summary>
internal readonly record struct PhraseMatch<T>(T Value, int Start, int Length, string Text)
{
    public int End => Start + Length;

    public int DistanceTo(int start, int end) => Start >= end ? Start - end : Math.Max(0, start - End);
}

internal static class PhraseRules
{
    /// <summary>
    /// Matches of the rules, earlier rules first, dropping any match that overlaps one already taken (so "worked
    /// then relapsed" is one relapse, not also a response) and any the <paramref name="isNegated"/> test denies.
    /// </summary>
    public static List<PhraseMatch<T>> FindAll<T>(
        IEnumerable<PhraseRule<T>> rules, string normalized, Func<int, int, bool>? isNegated = null)
    {
        // Every recogniser runs its rules over every message, most of them matching nothing: enumerating the matches
        // as values allocates nothing for a rule that does not match (a MatchCollection would, for every rule).
        var taken = new List<PhraseMatch<T>>();
        foreach (var rule in rules)
        {
            foreach (var match in rule.Pattern.EnumerateMatches(normalized))
            {
                var (index, length) = (match.Index, match.Length);
                if (length == 0
                    || taken.Any(t => index < t.End && t.Start < index + length)
                    || (isNegated?.Invoke(index, length) ?? false))
                {
                    continue;
                }

                taken.Add(new PhraseMatch<T>(rule.Value, index, length, normalized.Substring(index, length)));
            }
        }

        return taken;
    }
}
