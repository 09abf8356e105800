using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>Spelling tolerance in the lexicon matching: one typo in a long lexicon word, never a made-up fact.</summary>
public sealed class LexiconSpellingTests
{
    private static LexiconSpelling Small(params string[] english) => new(
        [
            new LexiconMeaning("comorbidity", "kidney-disease", new HashSet<string>(), null, null, null, [PhrasePattern.Parse("dialysis")]),
            new LexiconMeaning("comorbidity", "hypertension", new HashSet<string>(), null, null, null, [PhrasePattern.Parse("hypertension")]),
            new LexiconMeaning("test", "a", new HashSet<string>(), null, null, null, [PhrasePattern.Parse("stented")]),
            new LexiconMeaning("test", "b", new HashSet<string>(), null, null, null, [PhrasePattern.Parse("stunted")]),
            new LexiconMeaning("test", "c", new HashSet<string>(), null, null, null, [PhrasePattern.Parse("no clot")]),
        ],
        english);

    [Theory]
    [InlineData("dialysys", "dialysis")] // a wrong letter
    [InlineData("dialyis", "dialysis")] // a letter missing
    [InlineData("dialyssis", "dialysis")] // a letter too many
    [InlineData("hypertnesion", "hypertension")] // two letters swapped
    public void Reads_a_word_one_edit_from_one_lexicon_word_as_that_word(string typed, string meant) =>
        Assert.Equal(meant, Small().Correct(typed));

    [Theory]
    [InlineData("dialysis")] // the word itself
    [InlineData("stinted")] // one edit from two lexicon words ("stented", "stunted"): a guess
    [InlineData("clott")] // near a word shorter than six letters: short words are too alike
    [InlineData("dialys1s")] // digits are numbers or codes, never a typo
    [InlineData("hypertensionxx")] // two edits away
    public void Leaves_a_word_that_is_not_clearly_one_typo_as_written(string typed) =>
        Assert.Null(Small().Correct(typed));

    [Fact]
    public void Never_changes_an_English_word_even_one_edit_from_a_lexicon_word() =>
        Assert.Null(Small("dialyses").Correct("dialyses"));

    [Theory]
    [InlineData("omitting")] // not "vomiting"
    [InlineData("moaning")] // not "morning"
    [InlineData("metal")] // not "mental"
    public void The_shipped_English_list_keeps_real_words_as_written(string word) =>
        Assert.Null(LexiconSpelling.Default.Correct(word));

    [Theory]
    [InlineData("splenectmy", "splenectomy")]
    [InlineData("pregnent", "pregnant")]
    [InlineData("vomitting", "vomiting")]
    [InlineData("apixiban", "apixaban")]
    public void The_shipped_lexicon_forgives_one_typo(string typed, string meant) =>
        Assert.Equal(meant, LexiconSpelling.Default.Correct(typed));

    [Theory]
    [InlineData("kidney", "kidnye", true)]
    [InlineData("kidney", "kidny", true)]
    [InlineData("kidney", "kidneys", true)]
    [InlineData("kidney", "kidnex", true)]
    [InlineData("kidney", "kidney", false)]
    [InlineData("kidney", "kindye", false)]
    [InlineData("kidney", "kid", false)]
    public void One_edit_counts_a_swap_as_one(string a, string b, bool expected) =>
        Assert.Equal(expected, LexiconSpelling.OneEditApart(a, b));

    [Fact]
    public void Every_lexicon_reader_benefits_comorbidities_and_antithrombotics_alike()
    {
        Assert.Equal([Comorbidity.Hypertension], new ComorbidityRecognizer().FindAll("known hypertenison"));
        Assert.Equal([Comorbidity.KidneyDisease], new ComorbidityRecognizer().FindAll("on dialyiss three times a week"));
        Assert.Equal([Antithrombotic.Anticoagulant], new AntithromboticRecognizer().FindAll("takes apixiban 5 mg twice a day"));
    }

    [Fact]
    public void A_misspelt_word_keeps_its_place_in_the_message()
    {
        var tokens = MessageTokens.Read("he is on dialyiss now", 50);
        var spelled = tokens.Spelled;
        Assert.Equal("dialysis", spelled[3].Word);
        Assert.Equal("dialyiss", tokens[3].Word);
        Assert.Equal(tokens[3].Start, spelled[3].Start);
        Assert.Same(spelled, spelled.Spelled);
    }

    [Fact]
    public void A_message_without_typos_is_read_as_it_is()
    {
        var tokens = MessageTokens.Read("she has high blood pressure", 50);
        Assert.Same(tokens, tokens.Spelled);
    }

    [Theory]
    [InlineData("doesnt", "doesn't")]
    [InlineData("wont", "won't")]
    [InlineData("shes", "she's")]
    public void A_contraction_typed_without_its_apostrophe_is_read_as_the_contraction(string typed, string meant) =>
        Assert.Equal(meant, Small().Correct(typed));

    [Theory]
    [InlineData("well")]
    [InlineData("its")]
    [InlineData("ill")]
    public void A_word_that_only_looks_like_a_contraction_stays_as_written(string word) =>
        Assert.Null(Small().Correct(word));

    [Fact]
    public void A_phrase_written_with_or_without_the_apostrophe_matches_both_spellings()
    {
        var withApostrophe = PhrasePattern.Parse("can't|cannot lift ?his|her arm");
        var without = PhrasePattern.Parse("hadnt improved");

        Assert.Equal(4, withApostrophe.MatchAt(MessageTokens.Read("cant lift her arm", 50).Spelled, 0));
        Assert.Equal(2, without.MatchAt(MessageTokens.Read("hadn't improved", 50).Spelled, 0));
        Assert.Equal(2, without.MatchAt(MessageTokens.Read("hadnt improved", 50).Spelled, 0));
    }
}
