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
            var cueBefore = CueBefore().Match(clauseText);
            var cueAfter = CueAfter().Match(clauseText);
            foreach (var mention in inClause)
            {
                var offset = mention.Start - clause.Start;
                if ((cueBefore.Success && cueBefore.Index < offset) || (cueAfter.Success && cueAfter.Index >= offset + mention.Length)
                    || (NoneBefore().IsMatch(clauseText.AsSpan(0, offset)) && NotHere().IsMatch(clauseText.AsSpan(offset + mention.Length))))
                {
                    unavailable.AddRange(mention.TherapyIds);
                }
            }
        }

        return unavailable.Distinct().ToList();
    }

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
                    @"(?:isn't|is not|aren't|are not|not) (?:on|in) (?:the |our |their |my |this )?(?:hospital |trust |local |drug |approved )?(?:formulary|list|drug list)|(?:isn't|is not|aren't|are not|not) (?:stocked|kept|held|available)|" +
                    @"isn't available|aren't available|off (?:the |our |their )?formulary|isn't funded|isn't covered|not reimbursed|not approved here|not licensed here|not accessible|out of stock|" +
                    @"can't be (?:obtained|got|sourced)|(?:is|are) not an option due to cost|not an option (?:due to|because of) cost)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex CueAfter();
}
