using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Treatment stories with order, outcome and reason, read with the shipped content: the outcome lands on its drug,
/// a plan or a condition is not a treatment given, a drug given for something else is no ITP treatment.
/// </summary>
public sealed class TreatmentHistoryTests
{
    private static readonly PriorTreatmentReader Reader = new(new TherapyRecognizer(KnowledgeBase.LoadEmbedded()), new TreatmentOutcomeRecognizer());

    public static TheoryData<string, string[]> Stories => new()
    {
        // A good spell that ended, then a switch: the first relapsed, the second is under way.
        { "eltrombopag for two years, brilliant until her count slid despite 75 mg, changed to romiplostim last month", ["eltrombopag:relapsed", "romiplostim:ongoing"] },
        // A harm that made the drug be stopped, in everyday words.
        { "took Promacta but his liver bloods went funny so the team stopped it", ["eltrombopag:intolerant"] },
        { "mycophenolate made her so sick she couldn't eat, so we stopped it", ["mycophenolate:intolerant"] },
        { "eltrombopag: ALT 5x ULN, d/c", ["eltrombopag:intolerant"] },
        // A response that did not last.
        { "IVIG only lasted a few days", ["ivig:relapsed"] },
        { "a partial response to dexamethasone, but the response was lost within weeks", ["dexamethasone:relapsed"] },
        // A course under way.
        { "avatrombopag day 4", ["avatrombopag:ongoing"] },
        { "romiplostim wk2, next dose due friday", ["romiplostim:ongoing"] },
        { "she's been on fostamatinib for a fortnight", ["fostamatinib:ongoing"] },
        // On it, and the count is good: a response.
        { "now on eltrombopag and her platelets are normal", ["eltrombopag:response"] },
        { "on romiplostim with a platelet count of 140", ["romiplostim:response"] },
        // "Steroids" is prednisone in the content.
        { "steroids helped for a couple of months then she dropped again", ["prednisone:relapsed"] },
        { "corticosteroid-dependent for years", ["prednisone:dependent"] },
        { "steroids when she was a child, no idea if they helped", ["prednisone:unknown"] },
        // Injections of an ITP drug are the drug.
        { "we gave the Nplate injections for a year with no change", ["romiplostim:no-response"] },
        // Lists in shorthand with a misspelt brand.
        { "Hx: eltro (LFTs up, stopped); romi (NR)", ["eltrombopag:intolerant", "romiplostim:no-response"] },
    };

    [Theory]
    [MemberData(nameof(Stories))]
    public void Reads_each_drug_with_its_own_outcome(string story, string[] expected)
    {
        var reading = Reader.Read(story);
        Assert.Equal(expected, reading.Treatments.Select(t => $"{t.Therapy}:{Code(t.Outcome)}").Concat(reading.WithoutOutcome.Select(id => $"{id}:unknown")).Order());
    }

    [Theory]
    // Plans and conditions: nothing was given.
    [InlineData("should her count fall under 20 we would give IVIG")]
    [InlineData("if she bleeds we'd use tranexamic acid")]
    [InlineData("we could switch to avatrombopag if this one fails")]
    [InlineData("she's in for rituximab on Thursday")]
    [InlineData("starting fostamatinib next week")]
    // Steroids given for something else.
    [InlineData("had a steroid injection in his knee")]
    [InlineData("uses a steroid inhaler")]
    [InlineData("was on prednisolone for her asthma, not for the ITP")]
    public void A_plan_a_condition_or_another_use_is_no_treatment_given(string text) =>
        Assert.True(Reader.Read(text).IsEmpty, text);

    [Fact]
    public void A_past_course_is_not_read_as_taken_now() =>
        Assert.DoesNotContain(Reader.Read("was on dexamethasone in 2019").Treatments, t => t.Outcome == TreatmentOutcome.Ongoing);

    private static string Code(TreatmentOutcome outcome) => outcome switch
    {
        TreatmentOutcome.NoResponse => "no-response",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
