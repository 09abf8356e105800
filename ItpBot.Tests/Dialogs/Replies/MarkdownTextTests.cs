using ItpBot.Dialogs.Replies;

namespace ItpBot.Tests.Dialogs.Replies;

public class MarkdownTextTests
{
    [Theory]
    [InlineData("**bold**", @"\*\*bold\*\*")]
    [InlineData("_under_", @"\_under\_")]
    [InlineData("[click](http://evil.example)", @"\[click\](http://evil.example)")]
    [InlineData("<script>alert()</script>", @"\<script\>alert()\</script\>")]
    [InlineData("a | b", @"a \| b")]
    [InlineData("`code`", @"\`code\`")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("~~gone~~", @"\~\~gone\~\~")]
    public void Escape_neutralises_inline_markup(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(text));

    [Theory]
    [InlineData("# Heading", @"\# Heading")]
    [InlineData("- item", @"\- item")]
    [InlineData("+ item", @"\+ item")]
    [InlineData("> quote", @"\> quote")]
    [InlineData("3. third", @"3\. third")]
    [InlineData("12) twelfth", @"12\) twelfth")]
    public void Escape_neutralises_block_starts(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(text));

    [Fact]
    public void Escape_keeps_user_text_on_one_line_so_it_cannot_open_a_block()
    {
        var escaped = MarkdownText.Escape("platelets low\n# not a header\r\n- not a list");

        Assert.DoesNotContain('\n', escaped);
        Assert.Equal("platelets low # not a header - not a list", escaped);
    }

    [Fact]
    public void Escape_leaves_plain_clinical_text_readable()
    {
        const string text = "Platelets 50–200 × 10⁹/L; reduce the dose if above 200.";
        Assert.Equal(text, MarkdownText.Escape(text));
    }

    [Fact]
    public void Escape_of_nothing_is_empty()
    {
        Assert.Equal(string.Empty, MarkdownText.Escape(null));
        Assert.Equal(string.Empty, MarkdownText.Escape(""));
    }
}

public class PatientLanguageTests
{
    [Theory]
    [InlineData("Take 50 mg once daily.")]
    [InlineData("Start at 1 µg/kg weekly.")]
    [InlineData("Give 1 g/kg once.")]
    [InlineData("1 g intravenously daily.")]
    [InlineData("Dose 250 mcg.")]
    [InlineData("Give 75 IU per kg.")]
    public void Recognises_doses(string text) => Assert.True(PatientLanguage.StatesDose(text));

    [Theory]
    [InlineData("A fall in haemoglobin of 2 g/dL or more.")]
    [InlineData("About 88% respond within 2 weeks.")]
    [InlineData("Keep platelets above 50 × 10⁹/L.")]
    public void Leaves_other_numbers_alone(string text) => Assert.False(PatientLanguage.StatesDose(text));

    [Fact]
    public void Drops_only_the_sentences_that_state_a_dose()
    {
        Assert.Equal("Daily tablet. Works in weeks.",
            PatientLanguage.WithoutDoses("Daily tablet. Take 50 mg once daily. Works in weeks."));
        Assert.Equal("Daily oral TPO-RA.", PatientLanguage.WithoutDoses("Daily oral TPO-RA; 50 mg once daily."));
        Assert.Null(PatientLanguage.WithoutDoses("50 mg once daily."));
    }
}

public class MessageChunksTests
{
    [Fact]
    public void A_single_overlong_line_is_cut_within_the_budget_without_losing_text()
    {
        var line = string.Concat(Enumerable.Repeat("é\\*x🩸", 2000));

        var chunks = ItpBot.Dialogs.Replies.MessageChunks.Split([line], maxBytes: 1000);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(System.Text.Encoding.UTF8.GetByteCount(c) <= 1000));
        Assert.Equal(line, string.Concat(chunks.Select(c => c.Replace("\n", ""))));
        Assert.All(chunks, c => Assert.False(char.IsHighSurrogate(c[^1])));
        Assert.All(chunks, c => Assert.NotEqual('\\', c[^1]));
    }

    [Fact]
    public void Small_blocks_stay_together_in_one_message()
    {
        var chunks = ItpBot.Dialogs.Replies.MessageChunks.Split(["a", "b", "c"]);

        Assert.Equal(["a\n\nb\n\nc"], chunks);
    }
}
