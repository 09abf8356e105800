using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>Number limits in lexicon phrases, with the unit apart ("600 ml") or written onto the number ("600ml").</summary>
public class PhraseNumberLimitTests
{
    [Theory]
    [InlineData("lost 600ml", 2)]
    [InlineData("lost 600 ml", 3)]
    [InlineData("lost 499ml", -1)] // at the limit, not above it
    [InlineData("lost 600kg", -1)] // another unit
    [InlineData("lost ml", -1)] // no number
    public void A_limit_reads_the_number_with_its_unit_apart_or_joined(string text, int end)
    {
        var phrase = PhrasePattern.Parse("lost #>499ml|#>499 ?ml");

        Assert.Equal(end, phrase.MatchAt(MessageTokens.Read(text, 50).Spelled, 0));
    }

    [Fact]
    public void A_limit_with_anything_but_letters_after_the_number_is_refused_by_name()
    {
        var error = Assert.Throws<FormatException>(() => PhrasePattern.Parse("lost #>499m-l"));

        Assert.Contains("#>499m-l", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in 2019", 2)]
    [InlineData("in 1950", 2)] // both ends of a range count
    [InlineData("in 2029", 2)]
    [InlineData("in 200", -1)] // a volume, not a year
    [InlineData("in 2030", -1)]
    [InlineData("in 20190", -1)]
    public void A_range_reads_a_year_and_not_a_volume_that_starts_like_one(string text, int end)
    {
        var phrase = PhrasePattern.Parse("in #1950-2029");

        Assert.Equal(end, phrase.MatchAt(MessageTokens.Read(text, 50).Spelled, 0));
    }

    [Theory]
    [InlineData("in #2029-1950")]
    [InlineData("in #19a0-2029")]
    [InlineData("in #1950-")]
    public void A_range_that_is_not_two_whole_numbers_low_to_high_is_refused_by_name(string phrase)
    {
        var error = Assert.Throws<FormatException>(() => PhrasePattern.Parse(phrase));

        Assert.Contains(phrase.Split(' ')[1], error.Message, StringComparison.Ordinal);
    }
}
