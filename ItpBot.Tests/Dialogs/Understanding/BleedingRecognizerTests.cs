using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class BleedingRecognizerTests
{
    private readonly BleedingRecognizer recognizer = new();

    [Theory]
    [InlineData("none", Bleeding.None)]
    [InlineData("no bleeding", Bleeding.None)]
    [InlineData("No", Bleeding.None)]
    [InlineData("denies epistaxis", Bleeding.None)]
    [InlineData("no petechiae or bruising", Bleeding.None)]
    [InlineData("history of ICH in 2015, nothing now", Bleeding.None)]
    [InlineData("petechiae", Bleeding.Skin)]
    [InlineData("bruises on her legs", Bleeding.Skin)]
    [InlineData("easy bruising", Bleeding.Skin)]
    [InlineData("no bleeding apart from bruises", Bleeding.Skin)]
    [InlineData("nosebleed", Bleeding.Mucosal)]
    [InlineData("epistaxis", Bleeding.Mucosal)]
    [InlineData("gum bleeding", Bleeding.Mucosal)]
    [InlineData("bleeding gums and bruises", Bleeding.Mucosal)]
    [InlineData("menorrhagia", Bleeding.Mucosal)]
    [InlineData("haematuria", Bleeding.Mucosal)]
    [InlineData("hematuria", Bleeding.Mucosal)]
    [InlineData("blood in mouth", Bleeding.Mucosal)]
    [InlineData("wet purpura", Bleeding.Mucosal)]
    [InlineData("no nosebleeds but petechiae", Bleeding.Skin)]
    [InlineData("GI bleed", Bleeding.Severe)]
    [InlineData("melaena", Bleeding.Severe)]
    [InlineData("melena", Bleeding.Severe)]
    [InlineData("haematemesis", Bleeding.Severe)]
    [InlineData("hematemesis", Bleeding.Severe)]
    [InlineData("needed transfusion", Bleeding.Severe)]
    [InlineData("Hb drop of 3", Bleeding.Severe)]
    [InlineData("intracranial haemorrhage", Bleeding.Critical)]
    [InlineData("intracranial hemorrhage", Bleeding.Critical)]
    [InlineData("brain bleed", Bleeding.Critical)]
    [InlineData("ICH", Bleeding.Critical)]
    [InlineData("haemodynamically unstable", Bleeding.Critical)]
    [InlineData("hemodynamically unstable", Bleeding.Critical)]
    [InlineData("fainting with the bleeding", Bleeding.Critical)]
    [InlineData("melaena and dizzy", Bleeding.Critical)]
    // A site and how long or hard it bleeds, said apart: severe.
    [InlineData("her gums have been oozing constantly since this morning", Bleeding.Severe)]
    [InlineData("nose has been bleeding on and off for three hours", Bleeding.Severe)]
    // Mucosal and skin bleeding in everyday words.
    [InlineData("my periods have got a lot heavier", Bleeding.Mucosal)]
    [InlineData("blood on her toothbrush every morning", Bleeding.Mucosal)]
    [InlineData("tiny red spots all over his shins", Bleeding.Skin)]
    [InlineData("black and blue after a knock", Bleeding.Skin)]
    // A past bleed with nothing now; "symptom free".
    [InlineData("had a bad GI bleed in 2019 but none since", Bleeding.None)]
    [InlineData("symptom free at the moment", Bleeding.None)]
    // The contract's severe grade: a sized fall of haemoglobin, or a transfusion.
    [InlineData("haemoglobin fell by 3 overnight", Bleeding.Severe)]
    [InlineData("she required a transfusion yesterday", Bleeding.Severe)]
    public void Grades_the_worst_current_bleeding(string text, Bleeding expected)
    {
        var finding = recognizer.Recognize(text);
        Assert.NotNull(finding);
        Assert.Equal(expected, finding.Grade);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("immune thrombocytopenic purpura")]
    [InlineData("she fainted at the gym")]
    [InlineData("yes")]
    [InlineData("a nosebleed two years ago")]
    [InlineData("nothing now")]
    public void Says_nothing_when_bleeding_is_not_described(string text) =>
        Assert.Null(recognizer.Recognize(text));

    [Theory]
    [InlineData("no", null)]
    [InlineData("52F, plt 20, no treatment yet", null)]
    [InlineData("52F, plt 20, epistaxis", Bleeding.Mucosal)]
    public void Inside_a_summary_only_bleeding_words_count(string text, Bleeding? expected) =>
        Assert.Equal(expected, recognizer.FindInText(text)?.Grade);

    [Fact]
    public void Names_the_phrase_that_decided()
    {
        var finding = recognizer.Recognize("some bruises and epistaxis");
        Assert.Equal(new BleedingFinding(Bleeding.Mucosal, "epistaxis"), finding);
    }
}
