using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// The writer-register cues (who is typing an opening summary that names no one) are register.yaml's words, validated
/// at start-up, with the grammar (age-and-sex codes, articles, stems' endings) in code.
/// </summary>
public sealed class RegisterLexiconTests
{
    [Theory]
    [InlineData("  - meaning: slang\n    phrases: [innit]\n", "'slang' is no register meaning")]
    [InlineData("  - meaning: everyday-stem\n    phrases: [bleed*]\n", "must be a plain word")]
    [InlineData("  - meaning: clinical\n    phrases: [hx]\n", "'clinical' is listed twice")]
    public void A_bad_register_entry_is_refused_at_start_up_by_name(string entry, string problem)
    {
        var files = ReadingLexicon.EmbeddedFiles().ToDictionary(f => f.Key, f => f.Value);
        files["register.yaml"] = files["register.yaml"].TrimEnd() + "\n" + entry;

        var error = Assert.Throws<LexiconException>(() => ReadingLexicon.Load(files));

        Assert.Contains(error.Problems, p => p.Contains(problem, StringComparison.Ordinal) && p.Contains("register.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void The_everyday_words_are_read_from_the_lexicon()
    {
        // Words only this test lexicon knows: if the register kept its own list, they would not count.
        var files = ReadingLexicon.EmbeddedFiles().ToDictionary(f => f.Key, f => f.Value);
        files["register.yaml"] = files["register.yaml"].Replace("phrases: [nosebleed,", "phrases: [splotches, gushes, nosebleed,", StringComparison.Ordinal);
        var lexicon = ReadingLexicon.Load(files);
        const string Text = "splotches on both shins and gushes from the mouth";

        Assert.True(WriterRegister.WrittenByThePatient(Text, lexicon));
        Assert.False(WriterRegister.WrittenByThePatient(Text));
    }

    [Theory]
    // Everyday words, nobody else named: the writer's own summary.
    [InlineData("bruising all over and the tablets wore off, count dropped again", true)]
    [InlineData("jabs helped for a while, then my gums started going", true)]
    // Someone else is the subject: a title, an age-and-sex code, an article and a person, a setting.
    [InlineData("Mrs K, bruising all over, tablets wore off", false)]
    [InlineData("71F, plt 12, petechiae, tried tablets", false)] // a code in capitals is a clinician's
    [InlineData("71f, bruised arms, tried tablets, count dropped", true)] // in lower case, a patient's own on a phone
    [InlineData("58 M. PLT 19. TABLETS WORKED TILL CHRISTMAS. BRUISING ON ARMS.", true)] // all capitals: typed casually
    [InlineData("MRS D 58F. PLT 19. TABLETS WORKED. BRUISING.", false)] // a title in capitals is still someone else
    [InlineData("this chap has bruises everywhere and the jabs did nothing", false)]
    [InlineData("seen in clinic, bruising, tablets wore off", false)]
    // As many shorthand words as everyday ones: the clinician's voice is kept.
    [InlineData("Dx 2019, plt 15, petechiae, bruised arms, tried tablets", false)]
    [InlineData("3/12 of tablets -> no response, plt 12, bruising", false)]
    // The writer's own age and sex in lower case, opening the note or a clause, among capitals typed elsewhere: the
    // patient, whatever shorthand follows; a code in a clinician's capitals, a duration after a word, or a code in a note
    // typed in one case (its case says nothing) is not.
    [InlineData("41f, plt 23, dx 06/2021, pred -> relapsed, ELT NR at 50mg, no splx", true)]
    [InlineData("plt 23. 41f. dx 2021, pred R then relapsed, TPO-RA NR", true)]
    [InlineData("PLT 14 LAST WEEK. 58M. PETECHIAE ON ARMS. DX 2020.", false)]
    [InlineData("41f, plt 23, dx 2021, petechiae, eltrombopag nr", false)]
    [InlineData("41F, plt 23, dx 06/2021, pred -> relapsed, ELT NR at 50mg, no splx", false)]
    [InlineData("ITP 18m, plt 23, dx 06/2021, pred -> relapsed, ELT NR", false)]
    [InlineData("6m of romi -> NR, plt 23, dx 2021, petechiae", false)]
    public void The_register_judges_in_the_same_words_as_before(string text, bool patient) =>
        Assert.Equal(patient, WriterRegister.WrittenByThePatient(text));

    [Fact]
    public void Register_cues_are_not_words_a_message_is_read_for()
    {
        // Kept out of the spelling index and the statement vocabulary: they judge a writer, not a fact.
        Assert.Contains(ReadingLexicon.Default.Meanings, m => m.Category == "register");
        Assert.DoesNotContain(LexiconWords.ReadWords(ReadingLexicon.Default), m => m.Category == "register");
    }
}
