using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// What a message is, by the classes the intent misses of six held-out sets showed, in words none of them used: an
/// everyday answer with an adverb, an object or an aside around it ("honestly can't say for certain", "his
/// haematologist would know"), a way past the question ("let me pass on that").
/// </summary>
public sealed class IntentsInUnseenWordsTests
{
    [Theory]
    [InlineData("honestly can't say for certain")]
    [InlineData("his haematologist would know")]
    [InlineData("no clue, sorry, check with the clinic")]
    [InlineData("they've not measured it lately")]
    [InlineData("we never tested for that")]
    [InlineData("that has never happened")]
    [InlineData("none of that has ever occurred")]
    [InlineData("let me pass on that")]
    [InlineData("skip over this question")]
    [InlineData("kk")]
    public void An_everyday_answer_with_words_around_it_is_an_answer(string text) =>
        Assert.Equal(MessageIntent.Answer, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("never tested for hep B, on eltrombopag 50")]
    [InlineData("his GP started prednisolone in May")]
    public void Answer_words_beside_a_fact_leave_it_a_fact(string text) =>
        Assert.Equal(MessageIntent.Facts, TestReaders.Message.Read(text).Intent);
}
