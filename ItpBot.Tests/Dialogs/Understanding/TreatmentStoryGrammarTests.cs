using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// The treatment-story grammar by class (issue 12), in words no corpus line uses: outcome cue classes from
/// outcomes.yaml (harms caused, stop reasons, short responses, missed-dose dependence, time cues, unknowns), a
/// drug's table cell, numbered lists, "neither ... nor", a TPO-RA with an immunosuppressant as the combination, and a
/// drug given in a study being no second treatment.
/// </summary>
public sealed class TreatmentStoryGrammarTests
{
    private static readonly TherapyRecognizer Therapies = new(KnowledgeBase.LoadEmbedded());
    private static readonly PriorTreatmentReader Reader = new(Therapies, new TreatmentOutcomeRecognizer());

    public static TheoryData<string, string[]> Stories => new()
    {
        { "eltrombopag made her itch all over so we stopped it", ["eltrombopag:intolerant"] },
        { "anti-D caused haemolysis", ["anti-d:intolerant"] },
        { "romiplostim - clot, stopped", ["romiplostim:intolerant"] },
        { "danazol discontinued because of a rash", ["danazol:intolerant"] },
        { "vincristine gave zero benefit", ["vinca-alkaloids:no-response"] },
        { "neither avatrombopag nor fostamatinib helped", ["avatrombopag:no-response", "fostamatinib:no-response"] },
        { "dexamethasone lifted him only for ten days", ["dexamethasone:relapsed"] },
        { "pred helped and then didnt", ["prednisone:relapsed"] },
        { "fostamatinib worked until it didn't", ["fostamatinib:relapsed"] },
        { "romiplostim, she drops whenever a dose is delayed", ["romiplostim:dependent"] },
        { "eltrombopag - any attempt to reduce and the count falls", ["eltrombopag:dependent"] },
        { "avatrombopag: too early to tell", ["avatrombopag:ongoing"] },
        { "IVIG infused last night", ["ivig:ongoing"] },
        { "rituximab in 2020 but the records are missing", ["rituximab:unknown"] },
        { "romiplostim plus mycophenolate for the last 3 weeks", ["tpo-ra-combination:ongoing"] },
        { "romiplostim has been keeping her platelets above 50", ["romiplostim:response"] },
        { "1) IVIG - worked for a few days 2) pred - nothing 3) eltrombopag - responding well", ["eltrombopag:response", "ivig:relapsed", "prednisone:no-response"] },
        { "avatrombopag in a study last year with no benefit", ["avatrombopag:no-response"] },
        { "cyclosporine had to come off as his kidney function got worse", ["cyclosporine:intolerant"] },
    };

    [Theory]
    [MemberData(nameof(Stories))]
    public void Reads_each_drug_with_the_outcome_of_its_clause(string story, string[] expected)
    {
        var reading = Reader.Read(story);
        Assert.Equal(expected, reading.Treatments.Select(t => $"{t.Therapy}:{Code(t.Outcome)}").Concat(reading.WithoutOutcome.Select(id => $"{id}:unknown")).Order());
    }

    [Theory]
    [InlineData("no headaches on romiplostim and it is working")]
    [InlineData("no rash with fostamatinib, count up nicely")]
    public void A_denied_harm_is_no_intolerance(string story) =>
        Assert.DoesNotContain(Reader.Read(story).Treatments, t => t.Outcome == TreatmentOutcome.Intolerant);

    [Theory]
    [InlineData("romiplostim is in short supply at the moment")]
    [InlineData("eltrombopag is not on the PBS for her")]
    public void A_drug_said_out_of_reach_after_its_name_is_no_treatment_given(string text)
    {
        Assert.True(Reader.Read(text).IsEmpty, text);
        Assert.NotEmpty(new UnavailableTherapyRecognizer(Therapies).FindAll(text));
    }

    [Fact]
    public void Every_outcome_cue_class_is_in_the_lexicon()
    {
        var outcomes = new TreatmentOutcomeRecognizer();
        Assert.Equal(TreatmentOutcome.NoResponse, outcomes.Recognize("zero improvement"));
        Assert.Equal(TreatmentOutcome.Relapsed, outcomes.Recognize("it fizzled out"));
        Assert.Equal(TreatmentOutcome.Dependent, outcomes.Recognize("stuck on it"));
        Assert.Equal(TreatmentOutcome.Response, outcomes.Recognize("did the trick"));
        Assert.Equal(TreatmentOutcome.Ongoing, outcomes.Recognize("early days"));
        Assert.Equal(TreatmentOutcome.Unknown, outcomes.Recognize("no records"));
    }

    private static string Code(TreatmentOutcome outcome) => outcome switch
    {
        TreatmentOutcome.NoResponse => "no-response",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
