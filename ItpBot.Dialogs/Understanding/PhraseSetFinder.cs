namespace ItpBot.Dialogs.Understanding;

/// <summary>The distinct values whose phrases a text states and does not deny, in the order they are written.</summary>
internal static class PhraseSetFinder
{
    public static IReadOnlyList<T> Stated<T>(Func<string, List<PhraseMatch<T>>> find, string? text, NegationScope scope)
    {
        var normalized = UnderstandingText.Normalize(text);
        return find(normalized)
            .Where(m => !Negation.IsNegated(normalized, m.Start, m.Length, scope))
            .OrderBy(m => m.Start)
            .Select(m => m.Value)
            .Distinct()
            .ToList();
    }

    /// <summary>Values whose phrases the text mentions only to deny ("no history of DVT").</summary>
    public static IReadOnlyList<T> Denied<T>(Func<string, List<PhraseMatch<T>>> find, string? text, NegationScope scope)
    {
        var normalized = UnderstandingText.Normalize(text);
        var matches = find(normalized);
        var stated = matches.Where(m => !Negation.IsNegated(normalized, m.Start, m.Length, scope)).Select(m => m.Value).ToHashSet();
        return matches.Select(m => m.Value).Where(v => !stated.Contains(v)).Distinct().ToList();
    }
}
