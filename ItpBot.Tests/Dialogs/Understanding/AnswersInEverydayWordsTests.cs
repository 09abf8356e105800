using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Answers to the intake's questions as people type them (the classes a held-out set of whole intakes showed): a
/// course that went up then down, "none of those" beside something not on the list, availability said with a
/// hedge, a negative test written short, and who is typing when a partner or a friend is named.
/// </summary>
public sealed class AnswersInEverydayWordsTests
{
    private static readonly FieldReaders Readers = new(new TherapyRecognizer(TestLexicon.Instance), TimeProvider.System);

    [Theory]
    [InlineData("fine at first, then it went down again", TreatmentOutcome.Relapsed)]
    [InlineData("a good bump, but then it fell away", TreatmentOutcome.Relapsed)]
    [InlineData("her count went up and down the whole time", TreatmentOutcome.Relapsed)]
    [InlineData("the count was great on it", TreatmentOutcome.Response)]
    [InlineData("it helped but then he got a clot in his leg", TreatmentOutcome.Intolerant)]
    [InlineData("very little change so far", TreatmentOutcome.Ongoing)]
    [InlineData("it held for roughly eight days", TreatmentOutcome.Relapsed)]
    [InlineData("partial at first, then she lost it", TreatmentOutcome.Relapsed)]
    [InlineData("up to 120 every time, then back below 30 inside three weeks", TreatmentOutcome.Relapsed)]
    [InlineData("a decent response for six months, then back down", TreatmentOutcome.Relapsed)]
    [InlineData("romiplostim (nothing)", TreatmentOutcome.NoResponse)]
    [InlineData("avatrombopag (headaches)", TreatmentOutcome.Intolerant)]
    [InlineData("two pools of platelets, no increment", TreatmentOutcome.NoResponse)]
    [InlineData("dapsone didn't touch it", TreatmentOutcome.NoResponse)]
    public void How_a_treatment_went_in_everyday_words(string answer, TreatmentOutcome expected) =>
        Assert.Equal(expected, new TreatmentOutcomeRecognizer().Recognize(answer));

    [Theory]
    [InlineData(IntakeField.Comorbidities, "none of those, only asthma")]
    [InlineData(IntakeField.Comorbidities, "eczema, nothing from your list")]
    [InlineData(IntakeField.Antithrombotics, "no, he doesn't take any of them")]
    [InlineData(IntakeField.Unavailable, "everything is on the formulary I believe")]
    [InlineData(IntakeField.Unavailable, "we could have anything, I reckon")]
    [InlineData(IntakeField.Unavailable, "not that I know")]
    public void None_said_beside_something_off_the_list_or_with_a_hedge_is_none(IntakeField field, string answer)
    {
        var profile = FieldRegistry.ReadAnswer(Readers, field, answer);

        Assert.NotNull(profile);
        var list = field switch
        {
            IntakeField.Comorbidities => (System.Collections.ICollection?)profile.Comorbidities?.ToList(),
            IntakeField.Antithrombotics => profile.Antithrombotics?.ToList(),
            _ => profile.Unavailable?.ToList(),
        };
        Assert.NotNull(list);
        Assert.Empty(list);
    }

    [Fact]
    public void Something_on_the_list_still_wins_over_none_of_the_rest() =>
        Assert.Equal([Comorbidity.Osteoporosis], FieldRegistry.ReadAnswer(Readers, IntakeField.Comorbidities, "her bones are brittle, none of the others")!.Comorbidities);

    [Fact]
    public void A_negative_test_written_short_says_not_pregnant() =>
        Assert.False(FieldRegistry.ReadAnswer(Readers, IntakeField.Pregnancy, "neg preg test on Monday")!.Pregnant);

    [Theory]
    [InlineData("me and my wife want to start a family, my count is 40", Speaker.Patient)]
    [InlineData("I'm helping my neighbour fill this in, her count is 70", Speaker.Caregiver)]
    public void Who_is_typing_when_a_partner_or_a_friend_is_named(string text, Speaker expected) =>
        Assert.Equal(expected, TestReaders.Message.Read(text).Speaker);

    [Theory]
    [InlineData("yes, my mum is Korean")]
    [InlineData("half Chinese on my mum's side")]
    public void A_parent_named_for_the_family_origin_is_not_the_patient_nor_a_carer_typing(string answer)
    {
        var reading = TestReaders.Message.Read(answer);

        Assert.NotEqual(Speaker.Caregiver, reading.Speaker);
        Assert.Null(reading.Facts.Sex);
    }
}
