using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// The word lists moved out of the recognisers into lexicon files: each file is validated at start-up (a bad entry is
/// refused by name), and each recogniser reads its words from the lexicon, not from code.
/// </summary>
public sealed class LexiconWordListTests
{
    public static TheoryData<string, string, string> BrokenEntries => new()
    {
        // file, an entry appended to the shipped file, what the refusal must say
        { "comorbidities.yaml", "  - meaning: kidney-stones\n    phrases: [renal calculi]\n", "'kidney-stones' is no comorbidity code" },
        { "comorbidities.yaml", "  - meaning: diabetes\n    phrases: [sugar]\n", "'diabetes' is listed twice" },
        { "comorbidities.yaml", "  - meaning: osteoporosis\n    phrases: ['']\n", "has an empty phrase" },
        { "antithrombotics.yaml", "  - meaning: statin\n    phrases: [atorvastatin]\n", "'statin' is no antithrombotic code" },
        { "antithrombotics.yaml", "  - meaning: nsaid\n    phrases: [aspirin]\n", "'aspirin' claims two meanings" },
        { "yesno.yaml", "  - meaning: maybe\n    phrases: [perhaps]\n", "'maybe' is no yesno code" },
        { "yesno.yaml", "  - meaning: no\n    phrases: [yes]\n", "'yes' claims two meanings" },
        { "hedges.yaml", "  - meaning: doubt\n    phrases: ['.. maybe']\n", "must start" },
    };

    [Theory]
    [MemberData(nameof(BrokenEntries))]
    public void A_bad_entry_in_a_word_list_is_refused_at_start_up_by_name(string file, string entry, string problem)
    {
        var files = ReadingLexicon.EmbeddedFiles().ToDictionary(f => f.Key, f => f.Value);
        Assert.Contains(file, files.Keys);
        files[file] = files[file].TrimEnd() + "\n" + entry;

        var error = Assert.Throws<LexiconException>(() => ReadingLexicon.Load(files));

        Assert.Contains(error.Problems, p => p.Contains(problem, StringComparison.Ordinal) && (p.Contains(file, StringComparison.Ordinal) || p.Contains("claims two meanings", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_shipped_word_list_loads()
    {
        var lexicon = ReadingLexicon.Load(ReadingLexicon.EmbeddedFiles());

        foreach (var category in new[] { "comorbidity", "antithrombotic", "yesno", "hedge" })
        {
            Assert.NotEmpty(lexicon.Category(category));
        }
    }

    [Fact]
    public void Comorbidities_and_antithrombotics_are_read_from_the_lexicon()
    {
        // A word only this test lexicon knows: if the recognisers still kept their own lists, they would not find it.
        var files = ReadingLexicon.EmbeddedFiles().ToDictionary(f => f.Key, f => f.Value);
        files["comorbidities.yaml"] = files["comorbidities.yaml"].Replace("      - osteoporo*\n", "      - osteoporo*\n      - brittle bones\n", StringComparison.Ordinal);
        files["antithrombotics.yaml"] = files["antithrombotics.yaml"].Replace("      - etoricoxib\n", "      - etoricoxib\n      - wonderprofen\n", StringComparison.Ordinal);
        var lexicon = ReadingLexicon.Load(files);

        Assert.Equal([Comorbidity.Osteoporosis], new ComorbidityRecognizer(lexicon).FindAll("she has brittle bones"));
        Assert.Empty(new ComorbidityRecognizer().FindAll("she has brittle bones"));
        Assert.Equal([Antithrombotic.Nsaid], new AntithromboticRecognizer(lexicon).FindAll("takes wonderprofen daily"));
        Assert.Equal([Antithrombotic.Nsaid], new AntithromboticRecognizer(lexicon).FindDenied("stopped wonderprofen"));
    }

    [Theory]
    [InlineData("portal hypertension", Comorbidity.LiverDisease)]
    [InlineData("Child-Pugh B", Comorbidity.LiverDisease)]
    [InlineData("anti-HBc positive", Comorbidity.HepatitisB)]
    [InlineData("a-fib on bisoprolol", Comorbidity.HeartDisease)]
    [InlineData("coronary artery disease", Comorbidity.HeartDisease)]
    [InlineData("T1DM", Comorbidity.Diabetes)]
    [InlineData("renal insufficiency", Comorbidity.KidneyDisease)]
    public void Comorbidity_phrases_name_one_comorbidity(string text, Comorbidity expected) =>
        Assert.Equal([expected], new ComorbidityRecognizer().FindAll(text));

    [Theory]
    [InlineData("no history of DVT", Comorbidity.ThrombosisHistory)]
    [InlineData("denies diabetes", Comorbidity.Diabetes)]
    public void A_denied_comorbidity_is_denied_not_stated(string text, Comorbidity denied)
    {
        var recognizer = new ComorbidityRecognizer();

        Assert.Empty(recognizer.FindAll(text));
        Assert.Equal([denied], recognizer.FindDenied(text));
    }

    [Fact]
    public void The_yes_no_words_come_from_the_lexicon()
    {
        var files = ReadingLexicon.EmbeddedFiles().ToDictionary(f => f.Key, f => f.Value);
        files["yesno.yaml"] = files["yesno.yaml"].Replace("[yes, yeah, yep", "[yes, yeah, righto, yep", StringComparison.Ordinal);
        var recognizer = new YesNoRecognizer(ReadingLexicon.Load(files));

        Assert.True(recognizer.Recognize("righto, thanks"));
        Assert.Null(new YesNoRecognizer().Recognize("righto, thanks"));
    }
}
