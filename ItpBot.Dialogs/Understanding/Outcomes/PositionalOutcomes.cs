using System.Text.RegularExpressions;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding.Outcomes;

/// <summary>
/// Outcomes told by POSITION: a list of drugs, then a list of outcomes in the same order ("pred / IVIG / ritux -
/// relapsed / relapsed / no response", "tried danazol and dapsone, respectively nothing and a rash"). The n-th outcome
/// is the n-th drug's only when the two lists have the same length and every outcome item holds an outcome; when the
/// counts differ nothing is paired (never a guess).
/// </summary>
internal static partial class PositionalOutcomes
{
    /// <summary>Each drug of such a list with the outcome in its place; empty when the text holds no such list.</summary>
    public static List<(TherapyMention Drug, TreatmentOutcome Outcome)> Pair(
        string normalized, IReadOnlyList<TherapyMention> mentions, IReadOnlyList<PhraseMatch<TreatmentOutcome>> outcomes)
    {
        var pairs = new List<(TherapyMention, TreatmentOutcome)>();
        for (var first = 0; first < mentions.Count; first++)
        {
            var last = first;
            while (last + 1 < mentions.Count && ListJoint().IsMatch(normalized.AsSpan(mentions[last].End, mentions[last + 1].Start - mentions[last].End)))
            {
                last++;
            }

            if (last == first)
            {
                continue;
            }

            var drugs = mentions.Skip(first).Take(last - first + 1).ToList();
            var rest = normalized[mentions[last].End..];
            var lead = ListLead().Match(rest);
            if (lead.Success)
            {
                var from = mentions[last].End + lead.Length;
                var end = SentenceEnd().Match(normalized, from) is { Success: true } stop ? stop.Index : normalized.Length;
                var found = new List<TreatmentOutcome>();
                foreach (var item in UnderstandingText.Between(normalized[from..end], ItemSeparator()))
                {
                    var inItem = outcomes.Where(o => o.Start >= from + item.Start && o.Start < from + item.End).Select(o => o.Value).ToList();
                    // A harm alone in its item ("respectively a rash and no change") is why that drug was stopped.
                    if (inItem.Count == 0 && HarmAlone.IsMatch(normalized.AsSpan(from + item.Start, item.Length)))
                    {
                        inItem.Add(TreatmentOutcome.Intolerant);
                    }

                    if (inItem.Count == 0)
                    {
                        found.Clear();
                        break;
                    }

                    found.Add(inItem.OrderBy(TreatmentOutcomeRecognizer.Rank).First());
                }

                if (found.Count == drugs.Count)
                {
                    pairs.AddRange(drugs.Zip(found));
                }
            }

            first = last;
        }

        return pairs;
    }

    private static readonly Regex HarmAlone = new(@"\b" + TreatmentOutcomeRecognizer.AdverseEffectPattern + @"(?!\w)", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // Between two drugs of the list: a slash, a comma or "and".
    [GeneratedRegex(@"^\s*(?:/|\||,|,?\s*and|&)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ListJoint();

    // After the list: a dash, colon, equals sign or arrow, or "respectively", then the outcomes.
    [GeneratedRegex(@"^\s*(?:[-:=]+>?|->|=>|,?\s*(?:respectively|in that order)\s*[,:]?)\s*(?:(?:respectively|in that order)\s*[,:]?\s*)?", RegexOptions.CultureInvariant)]
    private static partial Regex ListLead();

    // Outcome items are split like the drug list: slashes, commas, "and".
    // A column mark "|" too; a mark inside brackets belongs to its item ("NR | R (current, stable)").
    [GeneratedRegex(@"(?:/|\||,|\band\b)(?![^()]*\))", RegexOptions.CultureInvariant)]
    private static partial Regex ItemSeparator();

    [GeneratedRegex(@"[.;!?\n]", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
