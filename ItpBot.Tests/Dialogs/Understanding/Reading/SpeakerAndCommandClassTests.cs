using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// Classes the eighth held-out set showed missing, in other words: who is typing by a role with its grade, duty or
/// sign-off, the writer as the one who has ITP, plain wording asked for, commands in everyday verbs (clear and begin
/// again, the result now, the question before, what has been gathered), and questions without a question mark.
/// </summary>
public sealed class SpeakerAndCommandClassTests
{
    private static TurnReading Read(string text) => TestReaders.Message.Read(text);

    [Theory]
    [InlineData("consultant typing", MessageIntent.Audience)]
    [InlineData("reg writing, bleep 2231", MessageIntent.Audience)]
    [InlineData("haem cns user", MessageIntent.Audience)]
    [InlineData("clinical nurse specialist writing", MessageIntent.Audience)]
    [InlineData("I am the night registrar", MessageIntent.Audience)]
    [InlineData("I'm the covering FY2 tonight", MessageIntent.Audience)]
    [InlineData("I'm working as a midwife on the renal ward", MessageIntent.Audience)]
    // Anywhere in a message that asks something, the role still says who is typing.
    [InlineData("I'm the on-call reg, what's the dose of IVIG?", MessageIntent.Question)]
    [InlineData("working as a pharmacist here - can fostamatinib go with warfarin", MessageIntent.Question)]
    public void A_role_with_its_grade_duty_or_sign_off_is_a_clinician(string text, MessageIntent intent)
    {
        var reading = Read(text);
        Assert.Equal(intent, reading.Intent);
        Assert.Equal(Speaker.Clinician, reading.Speaker);
    }

    [Theory]
    [InlineData("it is me who's got it")]
    [InlineData("it's my own ITP")]
    [InlineData("I'm the only patient here")]
    [InlineData("I'm the one who is affected")]
    [InlineData("talk to me like I'm a beginner")]
    [InlineData("without the jargon please")]
    [InlineData("tone it down for me")]
    [InlineData("practitioner")]
    public void A_role_alone_the_writer_as_the_patient_or_plain_words_asked_for_is_an_audience_statement(string text) =>
        Assert.Equal(MessageIntent.Audience, Read(text).Intent);

    [Fact]
    public void A_carer_who_names_the_patient_by_a_relatives_word_gives_the_sex()
    {
        var reading = Read("I'm the main carer for my elderly grandad");
        Assert.Equal(MessageIntent.Audience, reading.Intent);
        Assert.Equal(Speaker.Caregiver, reading.Speaker);
        Assert.Equal(Sex.Male, reading.Facts.Sex);
    }

    [Theory]
    [InlineData("I'm her carer")]
    public void A_carer_named_by_a_pronoun_alone_gives_no_sex(string text) =>
        Assert.Null(Read(text).Facts.Sex);

    [Theory]
    [InlineData("bin it all and begin again")]
    [InlineData("dump this and restart")]
    [InlineData("reset the whole lot")]
    [InlineData("forget everything about the previous case")]
    [InlineData("abandon the assessment")]
    [InlineData("purge anything you've kept on me")]
    [InlineData("teach me how to use this tool")]
    [InlineData("bring me back to the home page")]
    [InlineData("run through what we've covered so far")]
    [InlineData("enough questions, just show me the recommendations")]
    [InlineData("that's it, give me the answer")]
    [InlineData("cut straight to the verdict")]
    [InlineData("forward me the plan")]
    [InlineData("take me back to the step before")]
    public void A_command_in_everyday_verbs_is_a_command(string text) =>
        Assert.Equal(MessageIntent.Command, Read(text).Intent);

    [Theory]
    [InlineData("scrap the rituximab and start romiplostim")]
    [InlineData("reset her dose to 50 mg")]
    [InlineData("the ward team is worried")]
    [InlineData("the nurse gave her IVIG yesterday")]
    public void Command_and_role_words_inside_a_clinical_sentence_are_neither(string text)
    {
        var intent = Read(text).Intent;
        Assert.NotEqual(MessageIntent.Command, intent);
        Assert.NotEqual(MessageIntent.Audience, intent);
    }

    [Theory]
    [InlineData("am I safe to go scuba diving with a count of 40")]
    [InlineData("differences between fostamatinib and rilzabrutinib")]
    public void A_question_without_a_question_mark_is_a_question(string text) =>
        Assert.Equal(MessageIntent.Question, Read(text).Intent);

    [Theory]
    [InlineData("is hoping to avoid a splenectomy")]
    [InlineData("am worried about the injections")]
    [InlineData("would pick tablets if possible")]
    public void A_wish_or_a_plan_with_its_subject_left_out_is_no_question(string text) =>
        Assert.NotEqual(MessageIntent.Question, Read(text).Intent);

    [Theory]
    [InlineData("My lad is 31, he's had ITP for years and his count is 40", Sex.Male)]
    [InlineData("my pal Steve has ITP and his count was 12 yesterday", Sex.Male)]
    [InlineData("our lass is 16 weeks pregnant and her platelets are 60", Sex.Female)]
    public void A_carer_names_the_patient_by_an_everyday_tie_or_a_friend_by_name(string text, Sex sex)
    {
        var reading = Read(text);
        Assert.Equal(Speaker.Caregiver, reading.Speaker);
        Assert.Equal(sex, reading.Facts.Sex);
    }
}
