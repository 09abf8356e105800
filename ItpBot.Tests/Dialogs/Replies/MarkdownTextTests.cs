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
