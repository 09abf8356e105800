using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// A ".." gap in a lexicon phrase may start or end at a comma, but never skips a whole comma-separated phrase: "arms
/// strong, no numbness" tells two findings, not weak arms.
/// </summary>
public class PhraseGapTests
{
    [Theory]
    [InlineData("arms gone numb", 3)]
    [InlineData("arms have gone quite numb", 5)]
    [InlineData("arms strong, no numbness", -1)] // the gap would swallow "no", the start of the next phrase
    [InlineData("arms, numb", 2)] // the gap may end right after a comma
    [InlineData("arms ache, numb", 3)] // or start a new phrase at the word it lands on
    public void A_gap_never_crosses_a_comma_inside_the_words_it_skips(string text, int end)
    {
        var phrase = PhrasePattern.Parse("arms .. numb*");

        Assert.Equal(end, phrase.MatchAt(MessageTokens.Read(text, 50).Spelled, 0));
    }
}
