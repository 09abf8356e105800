using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class EmergencyDetectorTests
{
    private readonly EmergencyDetector detector = new();

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
    public void Recognises_emergency_wording(string text, Bleeding expected)
    {
        var finding = detector.Detect(text);
        Assert.NotNull(finding);
        Assert.Equal(expected, finding.Grade);
        Assert.False(string.IsNullOrWhiteSpace(finding.Phrase));
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
    public void Ignores_messages_without_an_emergency(string text) =>
        Assert.Null(detector.Detect(text));

    [Fact]
    public void Names_the_phrase_that_matched() =>
        Assert.Equal("vomiting blood", detector.Detect("She is Vomiting blood")?.Phrase);
}
