using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Dialogs.Understanding;

/// <summary>What counts as "not this" for a finding.</summary>
internal enum NegationScope
{
    /// <summary>Only denial: "no", "never", "denies", "without" ("previous rituximab" still happened).</summary>
    Ever,

    /// <summary>Denial, or the finding is past or stopped ("history of ICH", "stopped warfarin"): not current.</summary>
    Current,
}

/// <summary>
/// A small NegEx for the fact recognisers: a trigger negates what follows it in the same clause, within a few words and
/// up to a terminator; a trigger after the finding ("DVT - denied", "warfarin, stopped") reaches two words back.
/// The triggers are the lexicon's context triggers (context.yaml), the same the reader uses for every finding: its
/// negated ones, and for <see cref="NegationScope.Current"/> its historical ones too; pseudo-triggers ("no response")
/// negate nothing. Code keeps only the grammar.
/// </summary>
internal static class Negation
{
    private const int MaxWordsBetween = 5;

    private const int MaxWordsAfter = 2;

    // Verb negations ("can't take aspirin", "don't have diabetes") deny a fact, but a sign may start with one ("can't
    // move her arm") and must still raise the alarm: the sign reader leaves this meaning to the fact recognisers.
    private const string VerbNegation = "verb-negation";

    private static readonly Lazy<LexiconMatcher> Triggers = new(() => new LexiconMatcher(ReadingLexicon.Default.Category("context")));

    [ThreadStatic]
    private static (MessageTokens Tokens, List<LexiconMatch> Found)? last;

    private enum Role
    {
        Other,
        Cue,
        PostCue,
        Pseudo,
        Terminator,
    }

    public static bool IsNegated(
        string normalized, int start, int length, NegationScope scope = NegationScope.Ever, int maxWordsBetween = MaxWordsBetween)
    {
        var tokens = LexiconTokens.Of(normalized);
        var first = -1;
        var end = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].End > start && tokens[i].Start < start + length)
            {
                first = first < 0 ? i : first;
                end = i + 1;
            }
        }

        if (first < 0)
        {
            return false;
        }

        var triggers = TriggersIn(tokens);
        return CueBefore(tokens, triggers, first, scope, maxWordsBetween) || CueAfter(tokens, triggers, end, scope);
    }

    private static bool CueBefore(MessageTokens tokens, List<LexiconMatch> triggers, int first, NegationScope scope, int maxWordsBetween)
    {
        for (var t = triggers.Count - 1; t >= 0; t--)
        {
            var trigger = triggers[t];
            if (trigger.End > first)
            {
                // A trigger may run into the finding's first word ("never had" before "had his spleen out").
                if (trigger.First < first && RoleOf(trigger.Meaning, scope) == Role.Cue && trigger.Meaning.Direction is "forward" or "both")
                {
                    return true;
                }

                continue;
            }

            if (!Joined(tokens, trigger.End - 1, first))
            {
                return false;
            }

            switch (RoleOf(trigger.Meaning, scope))
            {
                case Role.Terminator:
                    return false;
                case Role.Cue when trigger.Meaning.Direction is "forward" or "both":
                    return first - trigger.End <= maxWordsBetween;
            }
        }

        return false;
    }

    private static bool CueAfter(MessageTokens tokens, List<LexiconMatch> triggers, int end, NegationScope scope)
    {
        foreach (var trigger in triggers)
        {
            if (trigger.First < end)
            {
                continue;
            }

            if (trigger.First - end > MaxWordsAfter || !Joined(tokens, end - 1, trigger.First))
            {
                return false;
            }

            switch (RoleOf(trigger.Meaning, scope))
            {
                case Role.Terminator:
                    return false;
                case Role.Cue when trigger.Meaning.Direction is "backward" or "both":
                    return true;
            }
        }

        return false;
    }

    private static Role RoleOf(LexiconMeaning trigger, NegationScope scope) => trigger.Meaning switch
    {
        "pseudo" => Role.Pseudo,
        "terminate" or "terminate-negated" => Role.Terminator,
        VerbNegation => Role.Cue,
        var meaning when meaning.StartsWith("negated-", StringComparison.Ordinal) => Role.Cue,
        var meaning when scope == NegationScope.Current && meaning.StartsWith("historical-", StringComparison.Ordinal) => Role.Cue,
        _ => Role.Other,
    };

    // Words a, b in one clause with no comma, semicolon or colon between them ("no DVT, on warfarin" denies only the DVT).
    private static bool Joined(MessageTokens tokens, int a, int b)
    {
        for (var i = a + 1; i <= b; i++)
        {
            if (!tokens.SameClause(i - 1, i) || tokens.Text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).IndexOfAny(",;:") >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static List<LexiconMatch> TriggersIn(MessageTokens tokens)
    {
        if (last is { } cached && ReferenceEquals(cached.Tokens, tokens))
        {
            return cached.Found;
        }

        var found = Triggers.Value.FindAll(tokens);
        last = (tokens, found);
        return found;
    }
}
