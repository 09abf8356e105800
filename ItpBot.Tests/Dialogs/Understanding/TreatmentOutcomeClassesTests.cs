using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Session 16 outcome classes, each in words no held-out or corpus line uses: a fall after a drug stopped for a
/// reason that is no harm, a reason told as a choice, table-cell shorthand and clinical durations, and drugs named
/// but never given.
/// </summary>
public sealed class TreatmentOutcomeClassesTests
{
    private static readonly PriorTreatmentReader Reader = new(new TherapyRecognizer(KnowledgeBase.LoadEmbedded()), new TreatmentOutcomeRecognizer());

    // The count fell once the drug was stopped for something other than a harm: a response lost (relapsed).
    public static TheoryData<string, string[]> FallAfterStop => new()
    {
        { "avatrombopag was stopped when we moved house and the platelets slumped to 9", ["avatrombopag:relapsed"] },
        { "we suspended dapsone for his holiday; since then his count has sunk to 14", ["dapsone:relapsed"] },
        { "romiplostim held her at 80 but the clinic ceased it once funding lapsed, then the count tanked", ["romiplostim:relapsed"] },
        // A harm that made the stop still outranks the fall.
        { "eltrombopag was stopped because of a clot in her lung and her count then fell to 12", ["eltrombopag:intolerant"] },
    };

    // A reason told as a clause with a person as subject is a choice, not a harm.
    public static TheoryData<string, string[]> ChoiceNotHarm => new()
    {
        { "fostamatinib kept him above 50 but he stopped it because he disliked the twice daily routine", ["fostamatinib:response"] },
        { "she came off danazol because she got a painful rash", ["danazol:intolerant"] },
        // "made it go up" is the count rising, no harm done.
        { "azathioprine made it go up and it is holding", ["azathioprine:response"] },
    };

    // Table cells and clinical shorthand: R / NR / resp, "lost", durations x/7, x/52, x/12.
    public static TheoryData<string, string[]> Shorthand => new()
    {
        { "Treatments: danazol (NR); romiplostim (R, ongoing)", ["danazol:no-response", "romiplostim:response"] },
        // A bare R after the drug, with or without a length after it; an effect told as passing.
        { "62F, plt 41, avatrombopag R since spring", ["avatrombopag:response"] },
        { "MMF R brief, then dapsone NR", ["dapsone:no-response", "mycophenolate:relapsed"] },
        { "IVIg gave a fleeting bump only", ["ivig:relapsed"] },
        { "anti-D: resp x3/7", ["anti-d:relapsed"] },
        { "dexamethasone pulse (resp, lost by 6 wks)", ["dexamethasone:relapsed"] },
        { "mycophenolate (remission 2 yrs, lost)", ["mycophenolate:relapsed"] },
        { "azathioprine = nothing, splenectomy = cured", ["azathioprine:no-response", "splenectomy:response"] },
        { "avatrombopag currently (resp)", ["avatrombopag:response"] },
        { "IVIG helped two days, no more", ["ivig:relapsed"] },
        // A response told as running on is no response that ended.
        { "rituximab: CR, ongoing remission 5 yrs", ["rituximab:response"] },
        // A resp(iratory) word is not a response.
        { "dapsone started last week, resp rate 18", ["dapsone:ongoing"] },
    };

    // Named but never given: no prior treatment at all.
    public static TheoryData<string, string[]> NotGiven => new()
    {
        { "romiplostim was proposed, but we never started it", [] },
        { "splenectomy offered, declined", [] },
        { "the team suggested mycophenolate but we didn't go ahead", [] },
        { "eltrombopag worked, fostamatinib is the plan if it stops", ["eltrombopag:response"] },
        // The count that declined is no refusal.
        { "eltrombopag: count up to 90, then declined to 15 after 8 months", ["eltrombopag:relapsed"] },
        // "declined" before a drug declines that drug, not the one before it.
        { "dapsone did nothing, she declined rituximab", ["dapsone:no-response"] },
    };

    // A harm in the clause before or after the drug, a count held only by going on, a fall told by where it went, and
    // a count on the drug taken now.
    public static TheoryData<string, string[]> Nearby => new()
    {
        { "danazol gave a fair rise but she couldn't put up with the acne", ["danazol:intolerant"] },
        { "anti-D once, haemolysed afterwards, won't repeat", ["anti-d:intolerant"] },
        { "dexamethasone holds him, but if we cut to 20 mg he plummets under 15", ["dexamethasone:dependent"] },
        { "IVIG monthly for two years, he'd crash without it", ["ivig:dependent"] },
        { "danazol and dapsone, neither budged the platelets", ["danazol:no-response", "dapsone:no-response"] },
        { "rilzabrutinib since the spring, some headaches, plt 110", ["rilzabrutinib:response"] },
    };

    // Outcomes by position: paired by order only when the counts match.
    public static TheoryData<string, string[]> ByPosition => new()
    {
        { "danazol / dapsone / romiplostim: nothing / short lived / working", ["danazol:no-response", "dapsone:relapsed", "romiplostim:response"] },
        { "we gave azathioprine and mycophenolate, respectively a rash and no change", ["azathioprine:intolerant", "mycophenolate:no-response"] },
    };

    [Theory]
    [MemberData(nameof(ByPosition))]
    [MemberData(nameof(Nearby))]
    [MemberData(nameof(FallAfterStop))]
    [MemberData(nameof(ChoiceNotHarm))]
    [MemberData(nameof(Shorthand))]
    [MemberData(nameof(NotGiven))]
    public void Reads_each_outcome_class(string story, string[] expected)
    {
        var reading = Reader.Read(story);
        Assert.Equal(expected, reading.Treatments.Select(t => $"{t.Therapy}:{Code(t.Outcome)}").Concat(reading.WithoutOutcome.Select(id => $"{id}:unknown")).Order());
    }

    [Theory]
    [InlineData("danazol / dapsone - nothing / rash / worked", 0)]
    [InlineData("danazol / dapsone / romiplostim - nothing / worked", 0)]
    [InlineData("danazol / dapsone - nothing / worked", 2)]
    public void Outcomes_by_position_are_paired_only_when_the_counts_match(string story, int paired)
    {
        var normalized = UnderstandingText.Normalize(story);
        var mentions = new TherapyRecognizer(KnowledgeBase.LoadEmbedded()).FindAll(normalized);
        var outcomes = new TreatmentOutcomeRecognizer().FindAll(normalized);
        Assert.Equal(paired, ItpBot.Dialogs.Understanding.Outcomes.PositionalOutcomes.Pair(normalized, mentions, outcomes).Count);
    }

    private static string Code(TreatmentOutcome outcome) => outcome switch
    {
        TreatmentOutcome.NoResponse => "no-response",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
