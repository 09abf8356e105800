using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding.Outcomes;

/// <summary>One drug's stretch of a story: the words that speak of that drug and no other.</summary>
/// <param name="Drug">The mention that opens the episode.</param>
/// <param name="Span">From the drug (or from its sentence's start, when no drug is named before it there) to the
/// next drug named, or to the end of the sentence or line.</param>
internal readonly record struct DrugEpisode(TherapyMention Drug, TextSpan Span);

/// <summary>
/// Segments a story into per-drug episodes, so evidence is assigned to a drug by where it stands, not by which cue
/// wins a ranking: "Fostamatinib made his BP go through the roof but we kept it going ... count came up to 60" is
/// one episode; "Before Nplate she was on Promacta which worked" ends Nplate's episode at "Promacta". A relative
/// clause ("which ...", "it ...") stays with the drug before it, because the episode runs on to the next drug.
/// </summary>
internal static partial class DrugEpisodes
{
    /// <summary>The episode of each of <paramref name="given"/>; <paramref name="named"/> (every drug named, given
    /// or not) bound the episodes.</summary>
    public static List<DrugEpisode> Segment(string normalized, IReadOnlyList<TherapyMention> given, IReadOnlyList<TherapyMention> named)
    {
        var ends = EpisodeEnd().Matches(normalized).Select(m => m.Index).ToList();
        var episodes = new List<DrugEpisode>(given.Count);
        foreach (var drug in given)
        {
            var sentenceStart = ends.Where(e => e < drug.Start).Select(e => e + 1).DefaultIfEmpty(0).Max();
            var sentenceEnd = ends.Where(e => e >= drug.End).DefaultIfEmpty(normalized.Length).Min();
            // "my platelets are 90 on Nplate": words before the first drug of a sentence are that drug's.
            var firstInSentence = !named.Any(n => n.End <= drug.Start && n.End > sentenceStart);
            var start = firstInSentence ? sentenceStart : drug.Start;
            var next = named.Where(n => n.Start >= drug.End).Select(n => n.Start).DefaultIfEmpty(normalized.Length).Min();
            var end = Math.Min(next, sentenceEnd);
            episodes.Add(new DrugEpisode(drug, new TextSpan(start, Math.Max(0, end - start))));
        }

        return episodes;
    }

    /// <summary>The episode of the latest course of <paramref name="therapyId"/> (when courses differ, the latest is
    /// labelled), or null when it has none.</summary>
    public static DrugEpisode? Latest(IEnumerable<DrugEpisode> episodes, string therapyId) =>
        episodes.Where(e => e.Drug.TherapyId == therapyId).OrderBy(e => e.Drug.Start).Select(e => (DrugEpisode?)e).LastOrDefault();

    // A sentence end (not a decimal point) or a line. A semicolon does not end an episode ("cataract noted at
    // review, happy to continue; count 110" is one drug's), nor does a table's column mark (a row is one drug's).
    [GeneratedRegex(@"[!?\n]|(?<!\d)\.|\.(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex EpisodeEnd();
}
