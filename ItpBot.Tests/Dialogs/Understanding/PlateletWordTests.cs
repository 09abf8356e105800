using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>"Platelets" is the count unless it is said to be given: no "How did platelet transfusion go?" for a count.</summary>
public sealed class PlateletWordTests
{
    // The shipped content: its platelet-transfusion synonyms include the bare word "platelets".
    private static readonly Lazy<MessageReader> Reader = new(() =>
    {
        var knowledge = KnowledgeBase.LoadEmbedded();
        var therapies = new TherapyRecognizer(knowledge);
        var summaries = new CaseSummaryReader(therapies, FixedClock.Default);
        return new MessageReader(summaries, new IntentReader(therapies, knowledge), new CorrectionReader(summaries));
    });

    [Theory]
    [InlineData("his platelets fell to 14 overnight")]
    [InlineData("low platelets since the spring")]
    [InlineData("platelets have been dropping, she bruises easily")]
    [InlineData("my platelets are always low")]
    [InlineData("noticed low platelets on a routine test in 2021")]
    public void Platelets_as_a_count_are_no_treatment(string text)
    {
        var reading = Reader.Value.Read(text);

        Assert.DoesNotContain(TherapyIds.PlateletTransfusion, reading.TherapiesWithoutOutcome);
        Assert.DoesNotContain(reading.Facts.PriorTreatments ?? [], t => t.Therapy == TherapyIds.PlateletTransfusion);
    }

    [Theory]
    [InlineData("she was given platelets in A&E")]
    [InlineData("needed 2 units of platelets last week")]
    [InlineData("platelets were transfused before the line went in")]
    public void Platelets_said_to_be_given_are_a_transfusion(string text)
    {
        var reading = Reader.Value.Read(text);

        Assert.True(reading.TherapiesWithoutOutcome.Contains(TherapyIds.PlateletTransfusion)
            || (reading.Facts.PriorTreatments ?? []).Any(t => t.Therapy == TherapyIds.PlateletTransfusion));
    }
}
