using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// Emergencies are decided by the turn's one reading (TurnReading.RedFlags); the second reader that once looked at
/// every message on its own (EmergencyDetector) is gone, and its cases are held here against the one reading. And the
/// reading knows the question a reply answers: a stroke named in reply to the conditions question is the history asked
/// for, unless a word makes it recent.
/// </summary>
public sealed class OneEmergencyReadingTests
{
    [Theory]
    [InlineData("she has an intracranial bleed", Bleeding.Critical)]
    [InlineData("intracranial haemorrhage on CT", Bleeding.Critical)]
    [InlineData("Intracranial hemorrhage", Bleeding.Critical)]
    [InlineData("I think he has a brain bleed", Bleeding.Critical)]
    [InlineData("subdural haematoma", Bleeding.Critical)]
    [InlineData("severe headache after a fall", Bleeding.Critical)]
    [InlineData("black stools and feels dizzy", Bleeding.Critical)]
    [InlineData("bleeding and fainted", Bleeding.Critical)]
    [InlineData("nosebleed and she fainted", Bleeding.Critical)]
    [InlineData("haemodynamically unstable", Bleeding.Critical)]
    [InlineData("vomiting blood", Bleeding.Severe)]
    [InlineData("Haematemesis this morning", Bleeding.Severe)]
    [InlineData("hematemesis", Bleeding.Severe)]
    [InlineData("black stools", Bleeding.Severe)]
    [InlineData("melena", Bleeding.Severe)]
    [InlineData("coughing up blood", Bleeding.Severe)]
    [InlineData("heavy bleeding that won't stop", Bleeding.Severe)]
    [InlineData("nosebleed that will not stop", Bleeding.Severe)]
    [InlineData("plt 3, GI bleed, needed 2 units", Bleeding.Severe)]
    [InlineData("no intracranial bleed but vomiting blood", Bleeding.Severe)]
    [InlineData("BRAIN BLEED", Bleeding.Critical)]
    public void The_one_reading_grades_emergency_wording(string text, Bleeding expected)
    {
        var flag = TestReaders.Message.Read(text).WorstRedFlag;

        Assert.NotNull(flag);
        Assert.Equal(expected, flag.Grade);
        Assert.False(string.IsNullOrWhiteSpace(flag.Evidence));
    }

    [Theory]
    [InlineData("no intracranial bleed")]
    [InlineData("CT negative, no ICH")]
    [InlineData("denies melaena or haematemesis")]
    [InlineData("history of intracranial haemorrhage in 2015")]
    [InlineData("epistaxis and bruising")]
    [InlineData("plt 12k, failed eltrombopag")]
    [InlineData("what is refractory ITP?")]
    [InlineData("her blood pressure is low and she fainted")]
    [InlineData("GI bleed in 2019")]
    [InlineData("needed a transfusion years ago")]
    [InlineData("")]
    public void The_one_reading_raises_nothing_without_an_emergency(string text) =>
        Assert.Empty(TestReaders.Message.Read(text).RedFlags);

    [Fact]
    public void The_flag_names_the_words_it_was_read_from() =>
        Assert.Contains("vomiting blood", TestReaders.Message.Read("She is Vomiting blood").WorstRedFlag?.Evidence, StringComparison.OrdinalIgnoreCase);

    // Told unasked, a named stroke is today's sign; answering the conditions question, it is the history asked for.
    [Theory]
    [InlineData("had a stroke")]
    [InlineData("yes, a TIA")]
    [InlineData("diabetes and he had a stroke")]
    [InlineData("mini stroke, on clopidogrel since")]
    public void A_stroke_named_in_reply_to_the_conditions_question_is_history(string text)
    {
        var reading = TestReaders.Message.Read(text);

        Assert.NotEmpty(reading.RedFlags);
        Assert.Empty(reading.RedFlagsAnsweringHistory);
    }

    // A word that makes it recent, or another sign of today, keeps the alarm whatever was asked.
    [Theory]
    [InlineData("she had a stroke this morning")]
    [InlineData("I think he's having a stroke")]
    [InlineData("TIA yesterday")]
    [InlineData("another TIA, plt 9")]
    [InlineData("stroke and now her face is drooping")]
    [InlineData("had a stroke, left arm weak")]
    public void A_recent_stroke_keeps_its_flag_whatever_was_asked(string text) =>
        Assert.NotEmpty(TestReaders.Message.Read(text).RedFlagsAnsweringHistory);
}
