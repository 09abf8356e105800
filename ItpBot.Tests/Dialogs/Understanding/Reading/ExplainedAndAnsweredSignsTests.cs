using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// Signs a stated cause explains (signs.yaml "explains-" tags), signs answered "no" straight after them, and the
/// bleeding that goes on through first aid: classes found in the sixth held-out set, tested here in other words.
/// </summary>
public sealed class ExplainedAndAnsweredSignsTests
{
    [Theory]
    [InlineData("his stools are dark, he takes ferrous fumarate")]
    [InlineData("black motions since the bismuth, feels well")]
    [InlineData("drowsy because of the promethazine, eating fine")]
    [InlineData("seizure? no, just a faint feeling when she stood up too fast")]
    [InlineData("slurred speech - nope, autocorrect, she's well")]
    [InlineData("any vomiting of blood? not at all")]
    [InlineData("one fit aged 4, none since")]
    public void Explained_or_answered_signs_raise_no_alarm(string text)
    {
        var reading = TestReaders.Message.Read(text);

        Assert.Empty(reading.RedFlags);
    }

    [Theory]
    // A cause explains only its own sign: a tarry stool, or another neurological sign, still counts.
    [InlineData("tarry black stools although he's on iron pills", "severe-bleeding")]
    [InlineData("drowsy after her antihistamine and now one side of her face has dropped", "new-neurological-sign")]
    [InlineData("black poo and feeling faint", "bleeding-with-haemodynamic-compromise")]
    // "No" opening a reply answers the bot's question, not the sign after it.
    [InlineData("no, but she's had a seizure this morning", "new-neurological-sign")]
    // A denial that names something else is an ordinary forward denial of that thing.
    [InlineData("passing blood from the back passage - no pain though, plt 9", "severe-bleeding")]
    [InlineData("nose still pouring despite pressure for half an hour", "severe-bleeding")]
    [InlineData("epistaxis not stopping, plt 4", "severe-bleeding")]
    [InlineData("thigh swollen after the fall and his foot is cold", "compartment-syndrome")]
    public void Signs_not_explained_or_answered_still_raise_the_alarm(string text, string rule)
    {
        var reading = TestReaders.Message.Read(text);

        Assert.Contains(reading.RedFlags, f => f.Rule == rule);
    }

    [Fact]
    public void An_explanation_naming_no_sign_is_refused_with_its_name()
    {
        var files = new Dictionary<string, string>
        {
            ["signs.yaml"] = "category: sign\nentries:\n  - meaning: seizure\n    phrases: [seizure]\n  - meaning: fever\n    tags: [explains-fitting]\n    phrases: [fever]\n",
        };

        var error = Assert.Throws<LexiconException>(() => ReadingLexicon.Load(files));

        Assert.Contains(error.Problems, p => p.Contains("'fever'", StringComparison.Ordinal) && p.Contains("explains-fitting", StringComparison.Ordinal));
    }
}

/// <summary>A symptom told as a drug's past harm is its adverse effect, not a new sign of a bleed.</summary>
public sealed class DrugHarmSignsTests
{
    [Theory]
    [InlineData("avatrombopag brought on migraines and vomiting so we stopped it, plt 15")]
    [InlineData("danazol made her confused and drowsy, came off after a month")]
    public void A_past_harm_of_a_drug_raises_no_alarm(string text) =>
        Assert.Empty(TestReaders.Message.Read(text).RedFlags);

    [Theory]
    // Told as now, in another sentence, or bleeding itself: still an alarm.
    [InlineData("romiplostim is causing awful headaches and she is vomiting, plt 9", "suspected-intracranial-bleeding")]
    [InlineData("fostamatinib did little. Since this morning a sudden severe headache and vomiting", "suspected-intracranial-bleeding")]
    [InlineData("the dabigatran caused a large bleed into her thigh which is now tense", "compartment-syndrome")]
    public void A_present_harm_or_another_sentence_still_alarms(string text, string rule) =>
        Assert.Contains(TestReaders.Message.Read(text).RedFlags, f => f.Rule == rule);
}
