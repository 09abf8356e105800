using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>Who a message is about, whether it asks or states, and whether it sets a value right.</summary>
public sealed class WhoAndWhatTests
{
    [Theory]
    [InlineData("my dad has ITP, his platelets are 20", Sex.Male)]
    [InlineData("my wife is 31 weeks pregnant", Sex.Female)]
    [InlineData("I'm her carer. she's 80 and bruises easily", Sex.Female)]
    [InlineData("I look after my grandad, count 15", Sex.Male)]
    [InlineData("my best friend was diagnosed last year, her count is 20", Sex.Female)]
    [InlineData("my flatmate has ITP and his platelets are 11", Sex.Male)]
    public void A_caregiver_gives_the_patients_sex_and_the_facts_stay_the_patients(string text, Sex sex)
    {
        var reading = TestReaders.Message.Read(text);

        Assert.True(reading.IsCaregiver);
        Assert.Equal(sex, reading.Facts.Sex);
        Assert.Equal(MessageIntent.Facts, reading.Intent);
    }

    [Theory]
    [InlineData("she is 45, platelets 30")]
    [InlineData("her platelets are 30")]
    public void A_clinicians_pronoun_about_the_patient_gives_the_sex_but_not_the_carer_voice(string text)
    {
        var reading = TestReaders.Message.Read(text);

        // Session 16 (the lead's labelling decision): a haematologist reads "she" of the patient as the patient's sex.
        Assert.False(reading.IsCaregiver);
        Assert.Equal(Sex.Female, reading.Facts.Sex);
    }

    [Theory]
    [InlineData("should we start romiplostim")]
    [InlineData("wondering whether they need the pneumococcal vaccine")]
    [InlineData("is it ok to give aspirin")]
    [InlineData("can you tell me how eltrombopag is dosed")]
    [InlineData("at what count do we transfuse")]
    public void A_question_without_a_question_mark_is_a_question_and_states_nothing(string text)
    {
        var reading = TestReaders.Message.Read(text);

        Assert.Equal(MessageIntent.Question, reading.Intent);
        Assert.Empty(reading.Filled);
        Assert.Equal(text, reading.Question);
    }

    [Theory]
    [InlineData("no idea, never seen the letters")]
    [InlineData("not sure, nobody has told us the number")]
    [InlineData("don't mind really, up to the consultant")]
    public void A_dont_know_with_only_its_reason_after_it_is_an_answer(string text) =>
        Assert.Equal(MessageIntent.Answer, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("no idea, but she's had IVIG")]
    [InlineData("not sure, her count was 40 last week")]
    public void A_dont_know_followed_by_a_fact_is_facts(string text) =>
        Assert.Equal(MessageIntent.Facts, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("wondering whether she needs the pneumococcal vaccine before splenectomy", Sex.Female)]
    [InlineData("could her tiredness be from the eltrombopag?", Sex.Female)]
    public void A_pronoun_about_the_patient_in_a_question_gives_the_sex_and_nothing_else(string text, Sex sex)
    {
        var reading = TestReaders.Message.Read(text);

        // Session 19 conventions: any third-person pronoun about the patient gives the sex, in questions too.
        Assert.Equal(MessageIntent.Question, reading.Intent);
        Assert.Equal(sex, reading.Facts.Sex);
        Assert.Equal([ProfileFields.Sex], reading.Filled);
    }

    [Fact]
    public void What_comes_before_a_question_in_the_sentence_is_still_stated()
    {
        var reading = TestReaders.Message.Read("61M, plt 18 on eltrombopag 50mg, should we increase the dose");

        Assert.Equal(MessageIntent.Question, reading.Intent);
        Assert.Equal(61, reading.Facts.AgeYears);
        Assert.Equal(18, reading.Facts.PlateletCount);
    }

    [Theory]
    [InlineData("would prefer tablets")]
    [InlineData("is on eltrombopag 50 mg")]
    [InlineData("was diagnosed 2 years ago")]
    public void A_statement_with_its_subject_left_out_is_not_a_question(string text) =>
        Assert.NotEqual(MessageIntent.Question, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("platelet count is 18", MessageIntent.Facts)]
    [InlineData("my platelets are 90 now", MessageIntent.Facts)]
    [InlineData("sorry, platelets 18 not 81", MessageIntent.Correction)]
    [InlineData("typo, weight is 72 kg", MessageIntent.Correction)]
    [InlineData("the op is a knee replacement, not a tooth extraction", MessageIntent.Correction)]
    [InlineData("romiplostim was stopped for a clot, not for lack of effect", MessageIntent.Correction)]
    [InlineData("diagnosed 3 years back, not 13", MessageIntent.Correction)]
    [InlineData("scratch that, he hasn't had a splenectomy", MessageIntent.Correction)]
    [InlineData("plt 30, not bleeding", MessageIntent.Facts)]
    [InlineData("on no treatment, not a single bruise", MessageIntent.Facts)]
    public void Only_a_message_that_says_so_is_a_correction(string text, MessageIntent intent) =>
        Assert.Equal(intent, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("romiplostim responded but she got a clot so it was stopped", TreatmentOutcome.Intolerant)]
    [InlineData("dexamethasone works but she relapses whenever we taper", TreatmentOutcome.Dependent)]
    [InlineData("avatrombopag, no response", TreatmentOutcome.NoResponse)]
    public void The_last_word_on_a_treatment_is_its_outcome(string text, TreatmentOutcome outcome)
    {
        var treatment = Assert.Single(TestReaders.Message.Read(text).Facts.PriorTreatments ?? []);

        Assert.Equal(outcome, treatment.Outcome);
    }

    [Theory]
    [InlineData("she had a DVT in her calf after our son was born, nothing else")]
    [InlineData("her PE was just after having our daughter")]
    public void A_child_whose_birth_dates_an_event_is_not_the_patient(string text)
    {
        var reading = TestReaders.Message.Read(text);

        Assert.False(reading.IsCaregiver);
        Assert.Equal(Sex.Female, reading.Facts.Sex);
    }
}
