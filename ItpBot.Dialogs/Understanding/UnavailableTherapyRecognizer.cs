using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Therapies the patient cannot obtain: "no access to romiplostim", "can't get fostamatinib", "TPO-RAs not funded".</summary>
public sealed partial class UnavailableTherapyRecognizer(TherapyRecognizer therapies)
{
    /// <summary>Therapy ids that are not obtainable; a class ("TPO-RAs not funded") stands for all its members.</summary>
    public IReadOnlyList<string> FindAll(string? text)
    {
        var normalized = UnderstandingText.Normalize(text);
        var mentions = therapies.FindAll(normalized);
        var unavailable = new List<string>();
        foreach (var clause in UnderstandingText.Clauses(normalized))
        {
            var inClause = mentions.Where(m => clause.Contains(m.Start)).ToList();
            if (inClause.Count == 0)
            {
                continue;
            }

            var clauseText = normalized.Substring(clause.Start, clause.Length);
            unavailable.AddRange(inClause.Where(m => IsUnavailable(clauseText, m.Start - clause.Start, m.Length)).SelectMany(m => m.TherapyIds));
        }

        return unavailable.Distinct().ToList();
    }

    private static bool IsUnavailable(string clauseText, int offset, int length)
    {
        var cueBefore = CueBefore().Match(clauseText);
        return (cueBefore.Success && cueBefore.Index < offset) || IsSaidUnavailableAfter(clauseText, offset, length)
            || (NoneBefore().IsMatch(clauseText.AsSpan(0, offset)) && NotHere().IsMatch(clauseText.AsSpan(offset + length)));
    }

    /// <summary>
    /// Whether the words after a therapy say it is out of reach ("IVIg is in short supply, we can't get it",
    /// "tavalisse not on the PBS"): then it is no treatment given either (the story reader asks this too).
    /// </summary>
    internal static bool IsSaidUnavailableAfter(string clauseText, int offset, int length) =>
        CueAfter().Match(clauseText, Math.Min(clauseText.Length, offset + length)).Success;

    [GeneratedRegex(@"\b(?:no access to|without access to|(?:can't|cannot|couldn't|unable to|can not) (?:get|obtain|access|afford|source)(?! (?:(?:her|him|me|them|us) )?(?:below|under|lower|down|off|beneath|above|over|past|rid)\b)|" +
                    @"no funding for|not funded for|unaffordable|" +
                    // "her insurer refuses to pay for Tavalisse", "the trust won't fund", "funding was refused for"
                    @"(?:insurance|insurer|insurers|insurance company|health plan|payer|payor|medicaid|medicare|ccg|icb|trust|nhs|funding panel|hospital) (?:(?:have|has) )?(?:won't|will not|doesn't|does not|wouldn't|would not|refuses? to|refused to|declined to|has declined to|won't agree to|can't|cannot) (?:cover|pay for|fund|approve|reimburse|authori[sz]e|stock|supply)|" +
                    @"(?:funding|approval|authori[sz]ation|prior auth\w*|coverage) (?:was |has been )?(?:refused|denied|declined|rejected) (?:for|of)|" +
                    // "insurance denied Tavalisse", "the ICB has refused romiplostim"
                    @"(?:insurance|insurer|insurers|insurance company|health plan|payer|payor|medicaid|medicare|ccg|icb|trust|nhs|funding panel) (?:(?:have|has) )?(?:denied|refused|declined|rejected)(?! to\b)|" +
                    @"not (?:covered|available|funded|reimbursed|stocked):?|unavailable:?|not on (?:the |our )?formulary:?|denied coverage for|too expensive:?)",
        RegexOptions.CultureInvariant)]
    private static partial Regex CueBefore();

    // "no clinical trials near us", "no romiplostim here": "no" and a place; "no rituximab" alone says it was not given.
    [GeneratedRegex(@"\bno (?:access to )?$", RegexOptions.CultureInvariant)]
    private static partial Regex NoneBefore();

    [GeneratedRegex(@"^\s*(?:trials?\s+)?(?:(?:are |is )?(?:available |open |running |recruiting )?(?:near|nearby|here|locally|around here|close by|in (?:our|the|this|my|her|his) (?:area|region|country|hospital|city|town|trust)|where (?:we|she|he|i|they) (?:are|live)))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotHere();

    [GeneratedRegex(@"\b(?:(?:is|are|was|were)\s+)?(?:not available|unavailable|not funded|not covered|not on (?:the |our )?formulary|(?:off|non)[- ]formulary|too expensive|unaffordable|" +
                    @"(?:isn't|is not|aren't|are not|not) (?:on|in) (?:the |our |their |my |this )?(?:hospital |trust |local |drug |approved )?(?:formulary|list|drug list|pbs|schedule)|" +
                    // "is in short supply here, we can't get it": a shortage, or no way to get it.
                    @"(?:in )?short supply|shortage|(?:we|they|she|he|i|you) (?:can't|cannot|couldn't|can not) (?:get|obtain|source|access) (?:it|them|hold of it|hold of them)\b(?! (?:below|under|lower|down|off|up|above|over))|(?:isn't|is not|aren't|are not|not) (?:stocked|kept|held|available)|" +
                    @"isn't available|aren't available|off (?:the |our |their )?formulary|isn't funded|isn't covered|not reimbursed|not approved here|not licensed here|not accessible|out of stock|" +
                    @"can't be (?:obtained|got|sourced)|(?:is|are) not an option due to cost|not an option (?:due to|because of) cost)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex CueAfter();
}
