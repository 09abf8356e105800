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
        { "units.yaml", "  - meaning: furlong\n    phrases: [furlongs]\n", "'furlong' is no unit meaning" },
        { "units.yaml", "  - meaning: kilogram\n    phrases: [kilo*]\n", "must be a plain word" },
        { "persons.yaml", "  - meaning: person\n    tags: [elderly]\n    phrases: [pensioner]\n", "has tag 'elderly'" },
        { "persons.yaml", "  - meaning: female-person\n    tags: [female, male]\n    phrases: [sibling]\n", "tagged both female and male" },
        // The question, access-answer and preference words are read into expressions: a meaning no grammar asks for, or
        // phrase grammar an expression cannot hold, is refused when the lexicon loads.
        { "question-kinds.yaml", "  - meaning: prognosis\n    phrases: [outlook]\n", "'prognosis' is no question-kind meaning" },
        { "question-kinds.yaml", "  - meaning: dose\n    phrases: [how .. mg]\n", "only a|b and word* may use" },
        { "question-kinds.yaml", "  - meaning: onset\n    phrases: [dosage]\n", "'dosage' claims two meanings" },
        { "question-openings.yaml", "  - meaning: wh-word\n    phrases: [(how come)]\n", "only a|b and word* may use" },
        { "access-answers.yaml", "  - meaning: without\n    phrases: [formulary]\n", "'formulary' claims two meanings" },
        // The frames that put a drug out of reach: the same rules, file by file.
        { "access-before.yaml", "  - meaning: backorder\n    phrases: [on backorder]\n", "'backorder' is no access-before meaning" },
        { "access-after.yaml", "  - meaning: list\n    phrases: [(not stocked)]\n", "only a|b and word* may use" },
        { "access-places.yaml", "  - meaning: here\n    phrases: [locally]\n", "'locally' claims two meanings" },
        { "preferences.yaml", "  - meaning: oral\n    phrases: [?liquid]\n", "only a|b and word* may use" },
        { "definition-words.yaml", "  - meaning: definition-word\n    phrases: [mean*]\n", "must be a plain word" },
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

        foreach (var category in new[] { "comorbidity", "antithrombotic", "yesno", "hedge", "unit", "person" })
        {
            Assert.NotEmpty(lexicon.Category(category));
        }
    }

    [Fact]
    public void Every_meaning_an_expression_grammar_asks_for_is_in_the_shipped_lexicon()
    {
        var lexicon = ReadingLexicon.Default;

        foreach (var (category, meanings) in LexiconRegex.Categories)
        {
            foreach (var meaning in meanings)
            {
                Assert.StartsWith("(?:", LexiconRegex.Alternation(lexicon, category, meaning), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Comorbidities_and_antithrombotics_are_read_from_the_lexicon()
    {
        // A word only this test lexicon knows: if the recognisers still kept their own lists, they would not find it.
        var files = ReadingLexicon.EmbeddedFiles().ToDictionary(f => f.Key, f => f.Value);
        files["comorbidities.yaml"] = files["comorbidities.yaml"].Replace("      - osteoporo*\n", "      - osteoporo*\n      - chalky skeleton\n", StringComparison.Ordinal);
        files["antithrombotics.yaml"] = files["antithrombotics.yaml"].Replace("      - etoricoxib\n", "      - etoricoxib\n      - wonderprofen\n", StringComparison.Ordinal);
        var lexicon = ReadingLexicon.Load(files);

        Assert.Equal([Comorbidity.Osteoporosis], new ComorbidityRecognizer(lexicon).FindAll("she has chalky skeleton"));
        Assert.Empty(new ComorbidityRecognizer().FindAll("she has chalky skeleton"));
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

/// <summary>Everyday answers, units and person words read from the lexicon, in words the old lists did not have.</summary>
public sealed class LexiconEverydayWordsTests
{
    [Theory]
    [InlineData("not as far as I know")]
    [InlineData("none that I know of")]
    [InlineData("no other problems to report")]
    [InlineData("nothing springs to mind")]
    [InlineData("zero")]
    [InlineData("nah")]
    [InlineData("never")]
    [InlineData("nothing from that list")]
    [InlineData("open to an operation")] // no kind of treatment ruled out
    [InlineData("she'd consider anything")]
    [InlineData("whatever's gentlest")]
    public void None_type_answers_say_none(string text) =>
        Assert.True(ItpBot.Dialogs.Conversation.Fields.EverydayAnswers.SaysNone(text));

    [Theory]
    [InlineData("I don't know")]
    [InlineData("we haven't checked it")]
    [InlineData("not sure, you'd have to ask her GP")]
    [InlineData("skip this question")]
    [InlineData("I'd rather not say")]
    [InlineData("I wouldn't know")]
    [InlineData("he wouldn't have a clue, to be honest")]
    [InlineData("no way of knowing from here")]
    public void Not_knowing_is_a_way_out(string text) =>
        Assert.True(ItpBot.Dialogs.Conversation.Fields.EverydayAnswers.SaysNotKnown(text));

    [Theory]
    [InlineData("yep that's right")]
    [InlineData("yes, looks right")]
    [InlineData("seems correct")]
    [InlineData("everything's correct")]
    public void Confirmations_say_the_case_is_right(string text) =>
        Assert.True(ItpBot.Dialogs.Conversation.Fields.EverydayAnswers.SaysLooksRight(text));

    [Theory]
    [InlineData("she'd consider anything at this point, she just wants it sorted", true)]
    [InlineData("open to surgery now, the tablets have let him down", true)]
    [InlineData("she wants tablets, nothing else", false)]
    public void A_reply_that_opens_by_ruling_nothing_out_has_no_preference(string text, bool open) =>
        Assert.Equal(open, ItpBot.Dialogs.Conversation.Fields.EverydayAnswers.OpensWithNoPreference(text));

    [Theory]
    [InlineData("none, but she takes aspirin")]
    [InlineData("I don't know her")]
    [InlineData("no idea")]
    public void Answers_with_more_in_them_are_not_none(string text) =>
        Assert.False(ItpBot.Dialogs.Conversation.Fields.EverydayAnswers.SaysNone(text));

    [Theory]
    [InlineData("11 stone 4", 71.7)]
    [InlineData("10 st 7 lb", 66.7)]
    [InlineData("70 kgs", 70)]
    public void Weights_in_stones_pounds_and_kilos(string text, double kg) =>
        Assert.Equal(kg, new WeightRecognizer().Recognize(text));

    [Theory]
    [InlineData("diagnosed on the 21st of March")]
    [InlineData("28 wks")]
    public void Dates_and_durations_are_not_weights(string text) => Assert.Null(new WeightRecognizer().Recognize(text));

    [Theory]
    [InlineData("my grandma is 88", 88, null)]
    [InlineData("gent, 70", 70, Sex.Male)]
    [InlineData("Mrs Jones, plt 20", null, Sex.Female)]
    [InlineData("34 yo F", 34, Sex.Female)]
    public void Person_words_give_age_and_sex(string text, int? age, Sex? sex)
    {
        var found = new DemographicsRecognizer().FindInText(text);

        Assert.NotNull(found);
        Assert.Equal(age, found.AgeYears);
        Assert.Equal(sex, found.Sex);
    }
}
