using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// What a message is, by class: commands and audience statements in everyday words (from commands.yaml), everyday
/// answers, corrections, facts that are not current, and fact lines that only look like questions.
/// </summary>
public sealed class IntentClassTests
{
    private readonly IntentReader intents = new(new TherapyRecognizer(TestLexicon.Instance), TestLexicon.Instance);

    [Theory]
    [InlineData("could you start again from the top please", Command.StartOver)]
    [InlineData("begin again with a different patient", Command.StartOver)]
    [InlineData("ok lets do a fresh case", Command.StartOver)]
    [InlineData("wipe everything I've entered so far", Command.StartOver)]
    [InlineData("clear the form", Command.StartOver)]
    [InlineData("strat over", Command.StartOver)]
    [InlineData("stop this consultation", Command.Cancel)]
    [InlineData("I'm done thanks", Command.Cancel)]
    [InlineData("cancle", Command.Cancel)]
    [InlineData("hlep", Command.Help)]
    [InlineData("show me the options", Command.Help)]
    [InlineData("how do I use this?", Command.Help)]
    [InlineData("please erase all of my details", Command.ForgetMe)]
    [InlineData("delete everything you hold about me", Command.ForgetMe)]
    public void A_command_in_everyday_words_is_read(string text, Command command) =>
        Assert.Equal(new CommandIntent(command), intents.Read(text));

    [Theory]
    [InlineData("stopped eltrombopag")]
    [InlineData("cancel the splenectomy")]
    [InlineData("start her on romiplostim")]
    [InlineData("we had to stop the steroids")]
    [InlineData("forget the IVIG, it did nothing")]
    [InlineData("new bruising on her legs")]
    [InlineData("help with bleeding gums")]
    public void A_command_word_inside_a_clinical_sentence_is_no_command(string text) =>
        Assert.IsNotType<CommandIntent>(intents.Read(text));

    [Theory]
    [InlineData("erase the case")]
    [InlineData("forget it")]
    [InlineData("start again")]
    public void Forgetting_the_writer_needs_words_about_the_writers_own_data(string text) =>
        Assert.NotEqual(new CommandIntent(Command.ForgetMe), intents.Read(text));

    [Theory]
    [InlineData("im a staff nurse", Command.SwitchToClinician)]
    [InlineData("I'm the haematology registrar", Command.SwitchToClinician)]
    [InlineData("speaking as a haematologist", Command.SwitchToClinician)]
    [InlineData("GP here", Command.SwitchToClinician)]
    [InlineData("I'm the mum, not the patient", Command.SwitchToPatient)]
    [InlineData("I am the patient myself", Command.SwitchToPatient)]
    [InlineData("I've got ITP too", Command.SwitchToPatient)]
    [InlineData("i'm just a parent", Command.SwitchToPatient)]
    public void Who_is_typing_in_everyday_words_is_read(string text, Command command)
    {
        Assert.Equal(new CommandIntent(command), intents.Read(text));
        Assert.Equal(MessageIntent.Audience, TestReaders.Message.Read(text).Intent);
    }

    [Theory]
    [InlineData("not a clue what he weighs", EverydayAnswerKind.DontKnow)]
    [InlineData("beats me", EverydayAnswerKind.DontKnow)]
    [InlineData("no idea at all, sorry", EverydayAnswerKind.DontKnow)]
    [InlineData("yep, all accurate", EverydayAnswerKind.Confirm)]
    [InlineData("ok by me", EverydayAnswerKind.Confirm)]
    [InlineData("that works for me", EverydayAnswerKind.Confirm)]
    [InlineData("happy either way", EverydayAnswerKind.NoPreference)]
    [InlineData("your call", EverydayAnswerKind.NoPreference)]
    [InlineData("nothing whatsoever", EverydayAnswerKind.NoneOfThese)]
    public void An_everyday_answer_is_an_answer(string text, EverydayAnswerKind kind)
    {
        var reading = TestReaders.Message.Read(text);

        Assert.Equal(MessageIntent.Answer, reading.Intent);
        Assert.Equal(kind, reading.Answer?.Kind);
    }

    [Theory]
    [InlineData("ignore that, platelets are 45")]
    [InlineData("disregard my last, Hb 10.2")]
    [InlineData("I made a typo, she is 34")]
    public void A_message_that_takes_back_what_it_said_is_a_correction(string text) =>
        Assert.Equal(MessageIntent.Correction, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("we may try avatrombopag later on")]
    [InlineData("took warfarin years ago but not now")]
    [InlineData("his brother had hep B years back")]
    public void A_fact_that_is_not_current_is_still_a_fact_and_fills_nothing(string text)
    {
        var reading = TestReaders.Message.Read(text);

        Assert.Equal(MessageIntent.Facts, reading.Intent);
        Assert.Empty(reading.Filled);
    }

    [Theory]
    [InlineData("splenectomy? no")]
    [InlineData("on anticoagulants? nope, none")]
    [InlineData("has an IUD")]
    [InlineData("had a bleed in 2019")]
    public void A_fact_line_that_looks_like_a_question_is_no_question(string text) =>
        Assert.NotEqual(MessageIntent.Question, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("has a count of 20 been treated?")]
    [InlineData("is a count of 25 safe for a filling")]
    public void A_real_question_still_asks(string text) =>
        Assert.Equal(MessageIntent.Question, TestReaders.Message.Read(text).Intent);
}
