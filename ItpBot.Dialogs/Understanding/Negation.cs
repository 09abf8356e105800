using System.Text.RegularExpressions;

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
/// A small NegEx: a cue word negates what follows it in the same clause, within a few words and up to a
/// terminator; phrases such as "no response" contain a cue but negate nothing after them.
/// </summary>
internal static partial class Negation
{
    private const int MaxWordsBetween = 5;

    public static bool IsNegated(
        string normalized, int start, int length, NegationScope scope = NegationScope.Ever, int maxWordsBetween = MaxWordsBetween)
    {
        var clause = UnderstandingText.ClauseAt(normalized, start);
        var before = normalized[clause.Start..start];
        var cues = (scope == NegationScope.Current ? CurrentCue() : DenialCue()).Matches(before);
        for (var i = cues.Count - 1; i >= 0; i--)
        {
            var cue = cues[i];
            if (IsPseudoAt(before, cue.Index))
            {
                continue;
            }

            var gap = before[(cue.Index + cue.Length)..];
            if (UnderstandingText.WordCount(gap) <= maxWordsBetween && !Terminator().IsMatch(gap))
            {
                return true;
            }

            break;
        }

        var end = Math.Min(start + length, clause.End);
        var after = normalized[end..clause.End];
        return (scope == NegationScope.Current ? CurrentPostCue() : DenialPostCue()).IsMatch(after);
    }

    private static bool IsPseudoAt(string before, int index) =>
        PseudoNegation().Match(before, index) is { Success: true } match && match.Index == index;

    private const string Denial =
        @"\bno\b|\bnot\b|\bnever\b|\bnil\b|\bnone\b|\bnor\b|\bneither\b|\bwithout\b|\bden(?:y|ies|ied|ying)\b|" +
        @"\bnegative for\b|\bfree of\b|\babsence of\b|\bruled out\b|\brules out\b|\bn't\b|\w+n't\b|\bcannot\b|\bnon\b";

    private const string Past =
        @"|\bhistory of\b|\bh/o\b|\bhx of\b|\bprevious(?:ly)?\b|\bprior\b|\bpast\b|\bold\b|\bstopped\b|\bdiscontinued\b|" +
        @"\bceased\b|\boff\b|\bresolved\b|\byears ago\b";

    [GeneratedRegex(Denial, RegexOptions.CultureInvariant)]
    private static partial Regex DenialCue();

    [GeneratedRegex(Denial + Past, RegexOptions.CultureInvariant)]
    private static partial Regex CurrentCue();

    // Starts of phrases that describe an outcome, a doubt or an answer rather than deny what follows.
    [GeneratedRegex(
        @"\G(?:no (?:response|improvement|effect|benefit|change|better|increase|rise|durable|sustained|longer)|" +
        @"not (?:respond|work|tolerat|improv|effective|sure|only|helpful)|" +
        @"\w*n't (?:respond|work|tolerat|improv|help|do)|non[- ]?respon)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PseudoNegation();

    [GeneratedRegex(@"\b(?:then|except|apart|aside|other than|besides|now|until|after)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Terminator();

    [GeneratedRegex(@"^\s*(?:\w+\s+){0,2}?(?:denied|absent|ruled out|negative|none|not present|not seen)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DenialPostCue();

    [GeneratedRegex(@"^\s*(?:\w+\s+){0,2}?(?:denied|absent|ruled out|negative|none|not present|not seen|resolved|stopped|discontinued|in the past|years ago|last year|in (?:19|20)\d\d|as a (?:child|kid|teenager|baby)|in childhood|" +
                   @"when (?:she|he|i|they) (?:was|were) (?:young|little|younger|a child|a kid|a teenager))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex CurrentPostCue();
}
