using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Classes of treatment story that held-out sets showed the reader missing: a drug taken now that works is a
/// response, an outcome told in the drug's own clause in everyday words, "same story" taking the previous drug's
/// outcome, and a drug out of reach or asked about that was never given.
/// </summary>
public sealed class TreatmentStoryClassesTests
{
    private static readonly PriorTreatmentReader Reader = new(new TherapyRecognizer(KnowledgeBase.LoadEmbedded()), new TreatmentOutcomeRecognizer());

    public static TheoryData<string, string[]> Stories => new()
    {
        // On it now and it works: a response, not "ongoing".
        { "changed over to avatrombopag in the spring, going nicely", ["avatrombopag:response"] },
        { "on romiplostim, holding up nicely", ["romiplostim:response"] },
        { "fostamatinib since march and it's been excellent", ["fostamatinib:response"] },
        // Harm to an organ made the drug stop.
        { "azathioprine wrecked her stomach", ["azathioprine:intolerant"] },
        { "mycophenolate made his liver tests go up and we had to stop", ["mycophenolate:intolerant"] },
        // A response that ended, said as a story.
        { "rituximab was good for ages until it stopped doing anything", ["rituximab:relapsed"] },
        // No rise, said as a ceiling never reached.
        { "avatrombopag never got him above twenty", ["avatrombopag:no-response"] },
        // Held up only by staying on it.
        { "we could never get him off dexamethasone", ["dexamethasone:dependent"] },
        { "each time I try to cut the prednisolone below five the count falls", ["prednisone:dependent"] },
        { "she needs IVIG every couple of weeks", ["ivig:dependent"] },
        // A course just under way.
        { "avatrombopag now, four weeks in", ["avatrombopag:ongoing"] },
        // "Same result": the outcome of the drug told before.
        { "mycophenolate did nothing, then azathioprine, same result", ["azathioprine:no-response", "mycophenolate:no-response"] },
        // An outcome told before "then" stays with the earlier drug.
        { "azathioprine gave no improvement and then dapsone, which he remains on and is doing fine", ["azathioprine:no-response", "dapsone:response"] },
    };

    [Theory]
    [MemberData(nameof(Stories))]
    public void Reads_the_outcome_of_each_drug(string story, string[] expected)
    {
        var reading = Reader.Read(story);
        Assert.Equal(expected, reading.Treatments.Select(t => $"{t.Therapy}:{Code(t.Outcome)}").Concat(reading.WithoutOutcome.Select(id => $"{id}:unknown")).Order());
    }

    [Theory]
    [InlineData("eltrombopag is off the formulary in our region")]
    [InlineData("avatrombopag - not licensed in this country")]
    [InlineData("what are the risks and benefits of fostamatinib")]
    public void A_drug_out_of_reach_or_asked_about_is_no_treatment_given(string text) =>
        Assert.True(Reader.Read(text).IsEmpty, text);

    private static string Code(TreatmentOutcome outcome) => outcome switch
    {
        TreatmentOutcome.NoResponse => "no-response",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
