using System.Text.RegularExpressions;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

public sealed class LexiconRegexTests
{
    private static ReadingLexicon Lexicon(string phrases) => ReadingLexicon.Load(new Dictionary<string, string>
    {
        ["outcomes.yaml"] = $"category: outcome\nentries:\n  - meaning: harm\n    phrases: [{phrases}]\n",
    });

    [Theory]
    [InlineData("headaches")]
    [InlineData("neutropenic")]
    [InlineData("high blood pressure")]
    public void A_meaning_s_phrases_become_one_expression(string text)
    {
        var expression = LexiconRegex.Alternation(Lexicon("headache|headaches, neutropeni*, high bp, high blood pressure"), "outcome", "harm");
        Assert.Matches($@"^{expression}$", text);
        Assert.DoesNotMatch($@"^{expression}$", "high");
    }

    [Fact]
    public void Spells_out_every_form() =>
        Assert.Equal(["can't remember", "cannot remember"], LexiconRegex.Forms(Lexicon("can't|cannot remember"), "outcome", "harm").Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("liver .. up")]
    [InlineData("?severe rash")]
    public void Refuses_grammar_an_expression_cannot_hold_naming_the_phrase(string phrase)
    {
        var error = Assert.Throws<LexiconException>(() => LexiconRegex.Alternation(Lexicon(phrase), "outcome", "harm"));
        Assert.Contains(phrase.TrimStart('?'), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_missing_meaning() =>
        Assert.Throws<LexiconException>(() => LexiconRegex.Alternation(ReadingLexicon.Default, "outcome", "no-such-meaning"));

    [Fact]
    public void The_shipped_outcome_words_are_usable() =>
        Assert.Matches(new Regex(LexiconRegex.Alternation(ReadingLexicon.Default, "outcome", "adverse-effect")), "diarrhoea");
}
