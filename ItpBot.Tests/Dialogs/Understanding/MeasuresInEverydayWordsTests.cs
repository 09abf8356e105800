using ItpBot.Dialogs.Understanding;
using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Understanding.Reading;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// Numbers, labs, demographics and dates in the words of ward shorthand, clinic letters, patients and caregivers: each
/// theory is one class of wording (lab shorthand, glued units, ages said as events, form fields, serology signs, ...),
/// with phrasings of its own.
/// </summary>
public sealed class MeasuresInEverydayWordsTests
{
    private static PatientProfile Read(string text) => TestReaders.Message.Read(text).Facts;

    [Theory]
    [InlineData("repeat FBC today, plts 17", 17)]
    [InlineData("plt17 on the gas", 17)]
    [InlineData("her platlets are 33", 33)]
    [InlineData("paltelets down to 9", 9)]
    [InlineData("we're sitting at 64k now", 64)]
    [InlineData("count was 12 last month and it's 55 now", 55)]
    [InlineData("Plt 23 x10^9/L, Hb 101 g/L", 23)]
    public void Reads_a_platelet_count_in_shorthand_typos_and_spoken_thousands(string text, double expected) =>
        Assert.Equal(expected, Read(text).PlateletCount);

    [Theory]
    [InlineData("low platelets noticed in June 2020")]
    [InlineData("platelets first dropped in 2017")]
    public void A_year_after_the_count_name_is_never_a_count(string text) =>
        Assert.Null(Read(text).PlateletCount);

    [Theory]
    [InlineData("wt 81kgs", 81)]
    [InlineData("she weighs 11st 6lb", 72.6)]
    [InlineData("was 95 kg last spring, 88 kg today", 88)]
    [InlineData("he used to weigh 100 kg, currently 84", 84)]
    public void Reads_a_weight_with_glued_units_stones_and_the_latest_of_two(string text, double expected) =>
        Assert.Equal(expected, Read(text).WeightKg);

    [Theory]
    [InlineData("dad turned 81 in the spring", 81)]
    [InlineData("a gentleman of 72 with low platelets", 72)]
    [InlineData("Mrs R (66) on the ward with ITP", 66)]
    [InlineData("Mr J, 48, plt 19", 48)]
    [InlineData("a 52 yrs old Thai lady", 52)]
    [InlineData("shes 45 and bruising", 45)]
    public void Reads_an_age_said_as_an_event_a_title_or_with_words_between(string text, int expected) =>
        Assert.Equal(expected, Read(text).AgeYears);

    [Theory]
    [InlineData("gender: M", Sex.Male)]
    [InlineData("Sex = female", Sex.Female)]
    [InlineData("F", Sex.Female)]
    [InlineData("a 40 year old bloke", Sex.Male)]
    [InlineData("I'm a girl of 19 with ITP", Sex.Female)]
    public void Reads_sex_from_a_form_field_a_lone_letter_or_everyday_words(string text, Sex expected) =>
        Assert.Equal(expected, Read(text).Sex);

    [Theory]
    [InlineData("Hb9.4", 9.4)]
    [InlineData("her haemoglobin has dropped to 7.9", 7.9)]
    [InlineData("Hb stable at 12.1", 12.1)]
    [InlineData("hb's 96 this morning", 9.6)]
    [InlineData("Hb 7.2 on admission, today 9.8", 9.8)]
    [InlineData("haemoglobin 118 g/L", 11.8)]
    public void Reads_haemoglobin_with_linking_words_glued_numbers_and_the_latest_value(string text, double expected) =>
        Assert.Equal(expected, Read(text).Haemoglobin);

    [Fact]
    public void A_count_named_after_haemoglobin_is_not_its_latest_value() =>
        Assert.Equal(9.2, Read("Hb 9.2, plt 20 today").Haemoglobin);

    [Theory]
    [InlineData("alanine aminotransferase four times the upper limit", 4)]
    [InlineData("ALT 96, upper limit 32", 3)]
    [InlineData("ALT 240 IU/L (reference range 10-40)", 6)]
    [InlineData("ALT 80 u/l, lab normal below 40", 2)]
    [InlineData("LFTs twice normal", 2)]
    public void Reads_alt_as_a_multiple_in_words_or_a_value_with_its_reference_range(string text, double expected) =>
        Assert.Equal(expected, Read(text).AltTimesUpperLimit);

    [Theory]
    [InlineData("hep B screen: HBsAg neg, HBcAb pos", HbvStatus.Resolved)]
    [InlineData("surface ag -ve, core ab +ve", HbvStatus.Resolved)]
    [InlineData("HBsAg+", HbvStatus.Chronic)]
    [InlineData("sAg +ve, anti-HBc +ve", HbvStatus.Chronic)]
    [InlineData("anti-HBc -ve, HBsAg -ve", HbvStatus.Negative)]
    [InlineData("positive for hepatitis B surface antigen", HbvStatus.Chronic)]
    [InlineData("Hep B core antibody IgG positive", HbvStatus.Resolved)]
    [InlineData("hepatitis B screen -ve", HbvStatus.Negative)]
    public void Reads_hepatitis_b_status_from_serology_signs_and_words(string text, HbvStatus expected) =>
        Assert.Equal(expected, Read(text).HbvStatus);

    [Theory]
    [InlineData("she is Caucasian", false)]
    [InlineData("ethnic origin: white Irish", false)]
    [InlineData("of Nigerian descent", false)]
    [InlineData("Afro-Caribbean gentleman", false)]
    [InlineData("his family are from Vietnam, he's Vietnamese", true)]
    [InlineData("Han Chinese background", true)]
    [InlineData("she's Indian, plt 40", false)]
    [InlineData("East Asian heritage - yes", true)]
    public void Reads_ancestries_that_are_and_are_not_east_asian(string text, bool expected) =>
        Assert.Equal(expected, Read(text).EastAsianAncestry);

    [Theory]
    [InlineData("white cells normal, plt 30")]
    [InlineData("black stools yesterday")]
    [InlineData("following the British guidelines")]
    [InlineData("he's white as a sheet")]
    public void Colour_and_country_words_without_an_ancestry_cue_say_nothing_of_ancestry(string text) =>
        Assert.Null(Read(text).EastAsianAncestry);

    [Theory]
    [InlineData("ITP 6/12, plt 30", 6)]
    [InlineData("cITP 4y", 48)]
    [InlineData("chronic (3y), on TPO-RA", 36)]
    [InlineData("had it since March 2022", 56)] // whole calendar months: the lower bound
    [InlineData("first picked up on routine bloods in 2020", 72)] // a bare year: whole years
    [InlineData("her ITP's been around 18/12", 18)]
    public void Reads_the_time_since_diagnosis_in_fractions_brackets_and_since(string text, double expected) =>
        Assert.Equal(expected, Read(text).MonthsSinceDiagnosis);

    [Fact]
    public void The_present_is_not_the_date_of_diagnosis() =>
        Assert.Null(Read("she weighed 60 kg at diagnosis and is 64 kg now").MonthsSinceDiagnosis);

    [Theory]
    [InlineData("counts.yaml", "  - meaning: furlong\n    phrases: [furlongs]\n", "'furlong' is no count meaning")]
    [InlineData("labs.yaml", "  - meaning: alt-name\n    phrases: [ast]\n", "'alt-name' is listed twice")]
    [InlineData("labs.yaml", "  - meaning: potassium\n    phrases: [k+]\n", "'potassium' is no lab meaning")]
    [InlineData("ancestry.yaml", "  - meaning: east-asian-too\n    phrases: [chinese]\n", "'chinese' claims two meanings")]
    [InlineData("persons.yaml", "  - meaning: sex-label\n    phrases: [sex*]\n", "must be a plain word")]
    [InlineData("diagnosis.yaml", "  - meaning: onset\n    phrases: [began]\n", "'onset' is no diagnosis meaning")]
    public void A_bad_entry_in_the_measure_word_lists_is_refused_at_start_up_by_name(string file, string entry, string problem)
    {
        var files = ReadingLexicon.EmbeddedFiles().ToDictionary(f => f.Key, f => f.Value);
        files[file] = files[file].TrimEnd() + "\n" + entry;

        var error = Assert.Throws<LexiconException>(() => ReadingLexicon.Load(files));

        Assert.Contains(error.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }
}
