using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// The structural outcome reader (Understanding/Outcomes): each frame read from the shape of a drug's clause, in
/// words no corpus line or cue list uses, so a frame that only worked for listed wordings fails here.
/// </summary>
public sealed class TreatmentOutcomeFramesTests
{
    private static readonly PriorTreatmentReader Reader = new(new TherapyRecognizer(KnowledgeBase.LoadEmbedded()), new TreatmentOutcomeRecognizer());

    public static TheoryData<string, string[]> Harms => new()
    {
        // The drug as the agent of a causative verb, with a harm no list names.
        { "danazol left her with terrible acne", ["danazol:intolerant"] },
        { "the mycophenolate made her hair fall out", ["mycophenolate:intolerant"] },
        { "azathioprine, which caused pancreatitis", ["azathioprine:intolerant"] },
        { "avatrombopag brought on crushing migraines and vision blurring", ["avatrombopag:intolerant"] },
        // A harm had on the drug, or had and then the drug stopped.
        { "I had shocking mouth ulcers on mycophenolate", ["mycophenolate:intolerant"] },
        { "tried dapsone but I developed a blue tinge to my lips, so we swapped to danazol last month", ["danazol:ongoing", "dapsone:intolerant"] },
        // Stopped because of a noun phrase that is a harm.
        { "I came off fostamatinib because of stomach cramps", ["fostamatinib:intolerant"] },
    };

    public static TheoryData<string, string[]> NotHarms => new()
    {
        // A person who gave the drug is no harm, nor is what a drug gave that is a response.
        { "the haematologist gave her romiplostim and it worked", ["romiplostim:response"] },
        { "rilzabrutinib gave a lovely response", ["rilzabrutinib:response"] },
        // Stopped for cost after working: a response, not intolerant.
        { "eltrombopag worked well but we stopped it because of the cost", ["eltrombopag:response"] },
    };

    public static TheoryData<string, string[]> Trajectories => new()
    {
        // Up then down.
        { "avatrombopag took the count from 9 up to 60 but it sank back to 12 by autumn", ["avatrombopag:relapsed"] },
        { "mycophenolate lifted the platelets, then they slid over the summer", ["mycophenolate:relapsed"] },
        { "the benefit of dapsone had vanished by the spring", ["dapsone:relapsed"] },
        // A response with a length that has ended, or runs on to now.
        { "anti-D was good for ten days", ["anti-d:relapsed"] },
        { "eltrombopag kept me safe until christmas", ["eltrombopag:relapsed"] },
        { "dapsone has held my count for three years now", ["dapsone:response"] },
        { "fostamatinib did the job and still does", ["fostamatinib:response"] },
        // A span that ends in remission is no loss.
        { "rituximab was brilliant until I went into remission", ["rituximab:response"] },
    };

    public static TheoryData<string, string[]> Dependence => new()
    {
        { "IVIG every four weeks just to stay above 30", ["ivig:dependent"] },
        { "avatrombopag is fine but the count drops whenever I forget a tablet", ["avatrombopag:dependent"] },
        { "eltrombopag only helps as long as I keep taking it", ["eltrombopag:dependent"] },
    };

    public static TheoryData<string, string[]> Recent => new()
    {
        { "moved on to rilzabrutinib four days ago after romiplostim did nothing", ["rilzabrutinib:ongoing", "romiplostim:no-response"] },
        // "only N weeks in" is time on the drug so far, not a response that lasted N weeks.
        { "avatrombopag, count creeping up, only two weeks in", ["avatrombopag:ongoing"] },
    };

    // A count named on the drug and held at or above the IWG response count (outcome-frames.yaml response-count).
    public static TheoryData<string, string[]> CountHeld => new()
    {
        { "on avatrombopag since spring, plts sitting 70-90 and steady", ["avatrombopag:response"] },
        { "romiplostim weekly - count in the 120s, holding", ["romiplostim:response"] },
        // Below the response count, a count that later fell, or a count on the day a question is asked: not a response.
        { "avatrombopag started last week, plts 20-25 all that time", ["avatrombopag:ongoing"] },
        { "eltrombopag took the count to 140 then it sank back to 15", ["eltrombopag:relapsed"] },
    };

    public static TheoryData<string, string[]> Exclusive => new()
    {
        { "we tried dapsone, danazol and romiplostim; only the romiplostim helped", ["danazol:no-response", "dapsone:no-response", "romiplostim:response"] },
        { "pred and IVIG, then rituximab, which was the only one that worked", ["ivig:no-response", "prednisone:no-response", "rituximab:response"] },
    };

    [Theory]
    [MemberData(nameof(Harms))]
    [MemberData(nameof(NotHarms))]
    [MemberData(nameof(Trajectories))]
    [MemberData(nameof(Dependence))]
    [MemberData(nameof(Recent))]
    [MemberData(nameof(CountHeld))]
    [MemberData(nameof(Exclusive))]
    public void Reads_the_outcome_from_the_shape_of_the_clause(string story, string[] expected)
    {
        var reading = Reader.Read(story);
        Assert.Equal(expected, reading.Treatments.Select(t => $"{t.Therapy}:{Code(t.Outcome)}").Concat(reading.WithoutOutcome.Select(id => $"{id}:unknown")).Order());
    }

    [Fact]
    public void A_relapse_once_on_the_taper_is_a_relapse_and_one_every_time_is_dependence()
    {
        Assert.Equal(TreatmentOutcome.Relapsed, Reader.Read("dexamethasone got her up to 90 and she dropped on the taper").Treatments.Single().Outcome);
        Assert.Equal(TreatmentOutcome.Dependent, Reader.Read("dexamethasone works but she drops whenever we taper").Treatments.Single().Outcome);
    }

    private static string Code(TreatmentOutcome outcome) => outcome switch
    {
        TreatmentOutcome.NoResponse => "no-response",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
