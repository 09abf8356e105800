using ItpBot.Dialogs.Understanding;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Issue 12: a count told over time is read as the count now. A sequence gives its last value only when the sentence
/// says it holds now; a value marked as the latest wins over one named first; a treatment's story gives no count.
/// </summary>
public sealed class PlateletCountOverTimeTests
{
    private readonly PlateletCountRecognizer recognizer = new();

    [Theory]
    [InlineData("avatrombopag for 5 weeks, platelets climbing 12 -> 31 -> 57", 57)]
    [InlineData("on romi, count 6 → 40 so far", 40)]
    [InlineData("plts 15 to 38 and still going up", 38)]
    [InlineData("dex pulse took the plt 4 -> 260 -> 22 within the month. Today 17.", 17)]
    [InlineData("count went 130 then back down to 14; she's on nothing. Currently 14.", 14)]
    [InlineData("platelets were 300 on the steroids, they're 19 now", 19)]
    [InlineData("plts normally about 60 but 23 today", 23)]
    [InlineData("avatrombopag is keeping her at around 95", 95)]
    [InlineData("the Nplate has got him up to 64", 64)]
    [InlineData("stopped the tablets and the count slid from 90 to 25; restarted them last month and it's 70 now", 70)]
    [InlineData("Current: romiplostim 4 mcg/kg weekly, plt 88. Prior: rituximab 2019 (NR)", 88)]
    [InlineData("plt 33 and he's 71 now", 33)]
    [InlineData("latest count 21 (prev 55)", 21)]
    [InlineData("six weeks of danazol, platelets 12 → 35, a few spots", 35)]
    [InlineData("romi titrated up, count 9->27 over the month", 27)]
    [InlineData("the tablets have taken his count from 11 to 52 in eight weeks", 52)]
    [InlineData("counts ran 40-70 for ages, and today 23", 23)]
    public void Reads_the_count_now(string text, double expected) =>
        Assert.Equal(expected, recognizer.FindInText(text));

    [Theory]
    [InlineData("rituximab in 2020: plt 7 -> 140 -> 30 over a year")]
    [InlineData("IVIG twice, count 5 to 210 to 9 within three weeks each time")]
    [InlineData("fostamatinib never got the count above 25")]
    [InlineData("every time the pred came down the plts dropped below 30")]
    [InlineData("she's at 28+3 and feels well")]
    [InlineData("on eltrombopag for years, plts 110-160 at every clinic")]
    [InlineData("his count sits between 35 and 50 on the romiplostim")]
    [InlineData("avatrombopag: plt 60 – 90 for 10/12, very happy")]
    [InlineData("steroids took the count from 6 to 140, then he relapsed on the taper")]
    [InlineData("IVIG: plt 5 -> 95, fell to 8 within a fortnight")]
    public void A_count_story_or_threshold_is_no_count_now(string text) =>
        Assert.Null(recognizer.FindInText(text));
}
