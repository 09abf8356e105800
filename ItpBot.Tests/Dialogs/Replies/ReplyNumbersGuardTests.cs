using ItpBot.Dialogs.Replies;

namespace ItpBot.Tests.Dialogs.Replies;

public class ReplyNumbersGuardTests
{
    [Fact]
    public void Flags_a_number_that_is_not_in_the_input()
    {
        var unsourced = ReplyNumbersGuard.UnsourcedNumbers("Give 5 mg daily, then 1.5 mg.", ["Give 1 mg daily."]);

        Assert.Equal(["5", "1.5"], unsourced);
    }

    [Fact]
    public void Accepts_numbers_from_the_input_whole_not_digit_by_digit()
    {
        Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers("About 88% respond.", ["Overall response 88%."]));
        Assert.Equal(["8"], ReplyNumbersGuard.UnsourcedNumbers("About 8% respond.", ["Overall response 88%."]));
    }

    [Fact]
    public void Ignores_citation_marks_list_numbering_and_link_addresses()
    {
        const string rendered = "Text [3][12]\n\n1. First\n2. Second\n10. Tenth [see](https://x.example/42)";

        Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers(rendered, []));
    }

    [Fact]
    public void A_number_escaped_for_Markdown_is_read_whole()
    {
        Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers(@"- 0\.5–2 mg/kg daily", ["0.5–2 mg/kg daily."]));
        Assert.Equal(["0.6"], ReplyNumbersGuard.UnsourcedNumbers(@"0\.6 mg", ["0.5 mg"]));
    }

    [Fact]
    public void A_number_inside_a_sentence_is_not_list_numbering()
    {
        Assert.Equal(["3"], ReplyNumbersGuard.UnsourcedNumbers("Wait 3. Then check.", []));
    }

    [Fact]
    public void Assessment_sources_include_reference_years()
    {
        var assessment = AssessmentFixtures.NoOptions();

        Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers("Blood Advances, 2019.", assessment));
        Assert.Equal(["2020"], ReplyNumbersGuard.UnsourcedNumbers("Blood Advances, 2020.", assessment));
    }
}
