using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Outcomes;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Session 20 outcome classes decided from each drug's own episode, in words no held-out or corpus line uses: a drug
/// taken now with a held count, a harm put up with while the drug is kept because it works, a list's quantifier in
/// the middle of its sentence ("- none of them ..."), and the chart abbreviations "elt" and "ava".
/// </summary>
public sealed class TreatmentOutcomeEpisodeTests
{
    private static readonly TherapyRecognizer Therapies = new(KnowledgeBase.LoadEmbedded());
    private static readonly PriorTreatmentReader Reader = new(Therapies, new TreatmentOutcomeRecognizer());

    // A drug taken now owns the count of its episode: at or above the held count it is a response; begun days or
    // weeks ago, or below the line, it stays as it was read.
    public static TheoryData<string, string[]> TakenNowWithACount => new()
    {
        { "he takes eltrombopag 50 and the last plt was 130", ["eltrombopag:response"] },
        { "plts of 85 on danazol these days", ["danazol:response"] },
        { "on romiplostim for a year now, count 60-90", ["romiplostim:response"] },
        // Too young a course to call, or a count under the line.
        { "on avatrombopag, first dose 10 days ago, platelet count 75", ["avatrombopag:ongoing"] },
        { "on romiplostim, platelets 35", ["romiplostim:ongoing"] },
        // The count of the next drug's episode is not this one's.
        { "currently on eltrombopag. Before that dapsone kept her count at 90", ["dapsone:response", "eltrombopag:ongoing"] },
    };

    // A drug told with no outcome of its own: today's count at or above the held count ("now 95", "in the 70s
    // these days") or where the drug took it ("from 12 to 60") is a response; the count told as unmoved under the
    // response count ("still 14", "stuck at 20") is no response, for one drug or a bare list. A fall told after the
    // count, a course days old, or a count under the line leaves it untold.
    public static TheoryData<string, string[]> UntoldWithTodaysCount => new()
    {
        { "danazol first, then fostamatinib 100 bd, now 95", ["danazol:unknown", "fostamatinib:response"] },
        { "avatrombopag 40 daily, platelets in the 70s these days.", ["avatrombopag:response"] },
        { "Doptelet 20mg, plt from 12 to 60 over the autumn", ["avatrombopag:response"] },
        { "danazol, then mycophenolate, then dapsone - she remains at 20", ["danazol:no-response", "dapsone:no-response", "mycophenolate:no-response"] },
        { "danazol, mycophenolate and dapsone; still 18 on the lot", ["danazol:no-response", "dapsone:no-response", "mycophenolate:no-response"] },
        { "danazol worked for years, then mycophenolate, still 18", ["danazol:response", "mycophenolate:no-response"] },
        { "fostamatinib, plt went to 200 then down to 15 within weeks, now on dapsone", ["dapsone:ongoing", "fostamatinib:unknown"] },
        { "dapsone started 10 days ago, now 70", ["dapsone:ongoing"] },
        { "avatrombopag 20mg, now 40", ["avatrombopag:unknown"] },
    };

    // A harm put up with while the drug is kept, with a response in its episode: response. Stopped: intolerant.
    public static TheoryData<string, string[]> KeptDespiteAHarm => new()
    {
        { "Fostamatinib put her blood pressure up; she continued on it with a count of 75", ["fostamatinib:response"] },
        { "mycophenolate gave him headaches but he put up with them, plts 110", ["mycophenolate:response"] },
        { "eltrombopag gave her a rash, we kept on it for a month and then stopped it, count 90", ["eltrombopag:intolerant"] },
    };

    // A quantifier after the drugs of its sentence, in the same part as the last of them.
    public static TheoryData<string, string[]> ListQuantifierMidSentence => new()
    {
        { "she had romiplostim, eltrombopag and MMF: none of them moved her count", ["eltrombopag:no-response", "mycophenolate:no-response", "romiplostim:no-response"] },
        { "tried dapsone then danazol and neither of them made a difference", ["danazol:no-response", "dapsone:no-response"] },
    };

    public static TheoryData<string, string[]> ChartAbbreviations => new()
    {
        { "elt - NR; ava - intolerant (headache)", ["avatrombopag:intolerant", "eltrombopag:no-response"] },
    };

    [Theory]
    [MemberData(nameof(TakenNowWithACount))]
    [MemberData(nameof(UntoldWithTodaysCount))]
    [MemberData(nameof(KeptDespiteAHarm))]
    [MemberData(nameof(ListQuantifierMidSentence))]
    [MemberData(nameof(ChartAbbreviations))]
    public void Reads_each_outcome_class(string story, string[] expected)
    {
        var reading = Reader.Read(story);
        Assert.Equal(expected, reading.Treatments.Select(t => $"{t.Therapy}:{Code(t.Outcome)}").Concat(reading.WithoutOutcome.Select(id => $"{id}:unknown")).Order());
    }

    [Fact]
    public void An_episode_runs_from_its_drug_to_the_next_drug_or_the_sentence_end()
    {
        var text = MessageText.Of("my count is 90 on romiplostim which has worked. before that eltrombopag; it did nothing");
        var mentions = text.Therapies(Therapies);
        var episodes = DrugEpisodes.Segment(text.Normalized, mentions, mentions);

        var spans = episodes.Select(e => text.Normalized.Substring(e.Span.Start, e.Span.Length).Trim()).ToList();
        Assert.Equal(["my count is 90 on romiplostim which has worked", "before that eltrombopag; it did nothing"], spans);
    }

    // The contract's own name of the outcome ("no-response"), as the API writes it.
    private static string Code(TreatmentOutcome outcome) => ContractCodes<TreatmentOutcome>.ByName.Single(p => p.Value == outcome).Key;
}
