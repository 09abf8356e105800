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

    [Theory]
    [InlineData("plt 22 on romiplostim, why does she keep bleeding")]
    [InlineData("refractory after three lines, when should we consider splenectomy")]
    [InlineData("rituximab and two TPO-RAs failed, best options then")]
    public void A_question_after_the_facts_asks(string text) =>
        Assert.Equal(MessageIntent.Question, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("rituximab, which was given in 2019, worked")]
    [InlineData("next step was splenectomy")]
    public void A_relative_clause_or_a_step_taken_states(string text) =>
        Assert.NotEqual(MessageIntent.Question, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("there is nothing else wrong with her")]
    [InlineData("no, nothing wrong with him otherwise")]
    public void Wrong_with_someone_is_an_illness_not_a_mistake(string text) =>
        Assert.NotEqual(MessageIntent.Correction, TestReaders.Message.Read(text).Intent);

    [Theory]
    [InlineData("amend this, plt 41")]
    [InlineData("cross out the warfarin, she is on apixaban")]
    public void Taking_a_value_back_is_a_correction(string text) =>
        Assert.Equal(MessageIntent.Correction, TestReaders.Message.Read(text).Intent);
}
