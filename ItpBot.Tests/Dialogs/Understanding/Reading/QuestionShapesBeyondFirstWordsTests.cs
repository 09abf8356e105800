using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// Questions are found by question.yaml's grammar, not by first words: a question after facts, a question word inside
/// a sentence, and a statement whose subject was left out ("could conceive", "has known HCV") that only opens like one.
/// </summary>
public sealed class QuestionShapesBeyondFirstWordsTests
{
    [Theory]
    [InlineData("61F, plt 22, on clopidogrel after a stent, should clopidogrel be stopped")]
    [InlineData("count 45 and a dental extraction next week, is eltrombopag enough")]
    [InlineData("dapsone how long before it works")]
    [InlineData("if he needs surgery what happens with the romiplostim")]
    [InlineData("spleen removed last spring and no jabs yet, which vaccines first")]
    [InlineData("benefits and risks of fostamatinib for her")]
    [InlineData("wot is a good count for a tooth extraction")]
    [InlineData("has she had enough steroid to call it refractory")]
    public void A_question_beyond_its_first_words_is_a_question(string text) =>
        Assert.Equal(MessageIntent.Question, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("could conceive in future")]
    [InlineData("can't access rilzabrutinib locally")]
    [InlineData("has known HCV, treated")]
    [InlineData("had the shingles jab in the spring")]
    [InlineData("would like something she can stop eventually")]
    [InlineData("vaccines up to date, plt 60, eltrombopag did help")]
    public void A_statement_that_only_opens_like_a_question_is_facts(string text) =>
        Assert.Equal(MessageIntent.Facts, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("no clue how much she weighs")]
    [InlineData("not sure how long he's had it")]
    public void A_question_inside_what_the_writer_does_not_know_asks_nothing(string text) =>
        Assert.NotEqual(MessageIntent.Question, TestReaders.Message.Read(text).Intent);

    [Fact]
    public void Facts_before_a_question_are_still_read()
    {
        var reading = TestReaders.Message.Read("plt 31, 70 kg, is romiplostim an option");

        Assert.Equal(MessageIntent.Question, reading.Intent);
        Assert.Equal(31, reading.Facts.PlateletCount);
        Assert.Equal(70, reading.Facts.WeightKg);
    }
}
