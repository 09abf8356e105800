using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class AntithromboticRecognizerTests
{
    private readonly AntithromboticRecognizer recognizer = new();

    [Theory]
    [InlineData("on warfarin", new[] { Antithrombotic.Anticoagulant })]
    [InlineData("apixaban for AF", new[] { Antithrombotic.Anticoagulant })]
    [InlineData("Rivaroxaban", new[] { Antithrombotic.Anticoagulant })]
    [InlineData("takes a DOAC", new[] { Antithrombotic.Anticoagulant })]
    [InlineData("LMWH prophylaxis", new[] { Antithrombotic.Anticoagulant })]
    [InlineData("heparin", new[] { Antithrombotic.Anticoagulant })]
    [InlineData("aspirin and clopidogrel", new[] { Antithrombotic.Antiplatelet })]
    [InlineData("ticagrelor", new[] { Antithrombotic.Antiplatelet })]
    [InlineData("ibuprofen for back pain", new[] { Antithrombotic.Nsaid })]
    [InlineData("naproxen, warfarin", new[] { Antithrombotic.Nsaid, Antithrombotic.Anticoagulant })]
    [InlineData("takes NSAIDs", new[] { Antithrombotic.Nsaid })]
    [InlineData("stopped warfarin last month", new Antithrombotic[0])]
    [InlineData("no anticoagulants", new Antithrombotic[0])]
    [InlineData("failed eltrombopag", new Antithrombotic[0])]
    public void Finds_current_antithrombotics(string text, Antithrombotic[] expected) =>
        Assert.Equal(expected, recognizer.FindAll(text));

    [Fact]
    public void Reports_denied_classes() =>
        Assert.Equal([Antithrombotic.Anticoagulant], recognizer.FindDenied("not on any anticoagulant"));
}

public sealed class ComorbidityRecognizerTests
{
    private readonly ComorbidityRecognizer recognizer = new();

    [Theory]
    [InlineData("HTN", Comorbidity.Hypertension)]
    [InlineData("high blood pressure", Comorbidity.Hypertension)]
    [InlineData("cirrhosis", Comorbidity.LiverDisease)]
    [InlineData("portal hypertension", Comorbidity.LiverDisease)]
    [InlineData("CKD stage 3", Comorbidity.KidneyDisease)]
    [InlineData("on dialysis", Comorbidity.KidneyDisease)]
    [InlineData("previous DVT", Comorbidity.ThrombosisHistory)]
    [InlineData("PE in 2019", Comorbidity.ThrombosisHistory)]
    [InlineData("history of stroke", Comorbidity.ThrombosisHistory)]
    [InlineData("HBV", Comorbidity.HepatitisB)]
    [InlineData("hepatitis B carrier", Comorbidity.HepatitisB)]
    [InlineData("IHD", Comorbidity.HeartDisease)]
    [InlineData("CAD with stents", Comorbidity.HeartDisease)]
    [InlineData("T2DM", Comorbidity.Diabetes)]
    [InlineData("diabetic", Comorbidity.Diabetes)]
    [InlineData("osteoporosis", Comorbidity.Osteoporosis)]
    public void Finds_a_comorbidity(string text, Comorbidity expected) =>
        Assert.Equal([expected], recognizer.FindAll(text));

    [Theory]
    [InlineData("no history of DVT")]
    [InlineData("not diabetic")]
    [InlineData("plt 12, epistaxis")]
    [InlineData("denies liver disease")]
    // Osteopenia is not osteoporosis (a T-score above -2.5): a scan that shows it names no condition the plan weighs.
    [InlineData("DEXA showed osteopenia of the spine")]
    [InlineData("osteopenic on her last bone scan")]
    public void Finds_none_when_none_is_stated(string text) =>
        Assert.Empty(recognizer.FindAll(text));

    [Fact]
    public void Finds_several_in_order() =>
        Assert.Equal([Comorbidity.Hypertension, Comorbidity.Diabetes, Comorbidity.KidneyDisease],
            recognizer.FindAll("HTN, T2DM and CKD"));
}

public sealed class PreferenceRecognizerTests
{
    private readonly PreferenceRecognizer recognizer = new();

    [Theory]
    [InlineData("prefers oral treatment", Preference.Oral)]
    [InlineData("wants tablets", Preference.Oral)]
    [InlineData("avoid injections", Preference.AvoidInjections)]
    [InlineData("no injections please", Preference.AvoidInjections)]
    [InlineData("needle phobic", Preference.AvoidInjections)]
    [InlineData("avoid surgery", Preference.AvoidSurgery)]
    [InlineData("doesn't want a splenectomy", Preference.AvoidSurgery)]
    [InlineData("would like to be drug-free", Preference.DrugFree)]
    [InlineData("wants to be off treatment", Preference.DrugFree)]
    [InlineData("time-limited treatment", Preference.TimeLimited)]
    [InlineData("prefers a finite course", Preference.TimeLimited)]
    public void Finds_a_preference(string text, Preference expected) =>
        Assert.Equal([expected], recognizer.FindAll(text));

    [Theory]
    [InlineData("oral blood blisters")]
    [InlineData("no surgery planned")]
    [InlineData("on eltrombopag tablets")]
    [InlineData("")]
    public void Finds_no_preference_in_other_talk(string text) =>
        Assert.Empty(recognizer.FindAll(text));
}

public sealed class DemographicsRecognizerTests
{
    private readonly DemographicsRecognizer recognizer = new();

    [Theory]
    [InlineData("52M", 52, Sex.Male)]
    [InlineData("52 M, ITP", 52, Sex.Male)]
    [InlineData("52 yo female", 52, Sex.Female)]
    [InlineData("52yo F", 52, Sex.Female)]
    [InlineData("F 34", 34, Sex.Female)]
    [InlineData("M/67, plt 20", 67, Sex.Male)]
    [InlineData("a 45-year-old woman", 45, Sex.Female)]
    [InlineData("female aged 34", 34, Sex.Female)]
    [InlineData("man, 70 years old", 70, Sex.Male)]
    [InlineData("age 81", 81, null)]
    [InlineData("woman with ITP", null, Sex.Female)]
    public void Reads_age_and_sex(string text, int? age, Sex? sex) =>
        Assert.Equal(new AgeAndSex(age, sex), recognizer.FindInText(text));

    [Theory]
    [InlineData("plt 12k")]
    [InlineData("eltrombopag 75 mg")]
    [InlineData("12")]
    [InlineData("")]
    public void Reads_nothing_without_age_or_sex_words(string text) =>
        Assert.Null(recognizer.FindInText(text));

    [Theory]
    [InlineData("52", 52)]
    [InlineData("she's 34", 34)]
    [InlineData("70 years old", 70)]
    public void Reads_an_age_answer(string text, int expected) => Assert.Equal(expected, recognizer.RecognizeAge(text));

    [Theory]
    [InlineData("3")]
    [InlineData("200")]
    [InlineData("old")]
    public void Rejects_an_impossible_age(string text) => Assert.Null(recognizer.RecognizeAge(text));

    [Theory]
    [InlineData("m", Sex.Male)]
    [InlineData("F", Sex.Female)]
    [InlineData("female", Sex.Female)]
    [InlineData("a man", Sex.Male)]
    public void Reads_a_sex_answer(string text, Sex expected) => Assert.Equal(expected, recognizer.RecognizeSex(text));
}

public sealed class WeightRecognizerTests
{
    private readonly WeightRecognizer recognizer = new();

    [Theory]
    [InlineData("70 kg", 70)]
    [InlineData("70kg", 70)]
    [InlineData("154 lb", 69.9)]
    [InlineData("11 stone", 69.9)]
    [InlineData("weighs 80 kilos", 80)]
    [InlineData("72", 72)]
    public void Reads_a_weight_answer(string text, double expected) => Assert.Equal(expected, recognizer.Recognize(text));

    [Theory]
    [InlineData("75 mg")]
    [InlineData("3 kg")]
    [InlineData("heavy")]
    [InlineData("900")]
    [InlineData("yes, 28 weeks")]
    [InlineData("3 years")]
    public void Rejects_what_is_not_a_body_weight(string text) => Assert.Null(recognizer.Recognize(text));

    [Theory]
    [InlineData("52M, 70 kg, plt 12", 70)]
    [InlineData("wt 64, plt 30", 64)]
    public void Finds_a_weight_in_a_message(string text, double expected) =>
        Assert.Equal(expected, recognizer.FindInText(text));

    [Theory]
    [InlineData("52M, plt 12")]
    [InlineData("romiplostim 3 mcg/kg weekly")]
    [InlineData("IVIg 1 g/kg")]
    public void Finds_no_weight_in_a_message_without_one(string text) => Assert.Null(recognizer.FindInText(text));
}

public sealed class PregnancyRecognizerTests
{
    private readonly PregnancyRecognizer recognizer = new();

    // What the retry prompt of "Is she pregnant?" itself suggests must be understood.
    [Theory]
    [InlineData("yes, 28 weeks", 28)]
    [InlineData("yes 12 wks", 12)]
    [InlineData("Yes - about 30 weeks", 30)]
    [InlineData("28 weeks", 28)]
    public void Reads_the_weeks_in_an_answer_to_is_she_pregnant(string text, int weeks) =>
        Assert.Equal(new PregnancyStatus(true, weeks), recognizer.ReadAnswer(text));

    [Theory]
    [InlineData("yes")]
    [InlineData("yes, 60 weeks")]
    [InlineData("for 3 years")]
    [InlineData("she had prednisone for 6 weeks")]
    public void Reads_no_gestation_from_what_is_not_one(string text) => Assert.Null(recognizer.ReadAnswer(text));

    [Theory]
    [InlineData("pregnant", true, null)]
    [InlineData("28 weeks pregnant", true, 28)]
    [InlineData("twenty weeks pregnant", true, 20)]
    [InlineData("G2P1, 32/40", true, 32)]
    [InlineData("pregnant at 12 weeks", true, 12)]
    [InlineData("not pregnant", false, null)]
    [InlineData("she's not pregnant", false, null)]
    [InlineData("postpartum", false, null)]
    public void Reads_pregnancy(string text, bool pregnant, int? weeks) =>
        Assert.Equal(new PregnancyStatus(pregnant, weeks), recognizer.FindInText(text));

    [Theory]
    [InlineData("52M, plt 12")]
    [InlineData("pred for 6 weeks")]
    [InlineData("")]
    public void Reads_nothing_when_pregnancy_is_not_mentioned(string text) => Assert.Null(recognizer.FindInText(text));
}

public sealed class PatientFactRecognizerTests
{
    [Theory]
    [InlineData("East Asian ancestry", true)]
    [InlineData("she is Chinese", true)]
    [InlineData("Japanese", true)]
    [InlineData("not East Asian", false)]
    [InlineData("Asian", null)]
    [InlineData("plt 12", null)]
    public void Reads_east_asian_ancestry(string text, bool? expected) =>
        Assert.Equal(expected, new AncestryRecognizer().FindInText(text));

    [Theory]
    [InlineData("s/p splenectomy", true)]
    [InlineData("splenectomised 2015", true)]
    [InlineData("splenectomized", true)]
    [InlineData("post-splenectomy relapse", true)]
    [InlineData("had her spleen removed", true)]
    [InlineData("no splenectomy", false)]
    [InlineData("not splenectomised", false)]
    [InlineData("never had a splenectomy", false)]
    [InlineData("spleen intact", false)]
    [InlineData("considering splenectomy", null)]
    [InlineData("splenectomy planned", null)]
    [InlineData("doesn't want splenectomy", null)]
    [InlineData("plt 12", null)]
    public void Reads_splenectomy(string text, bool? expected) =>
        Assert.Equal(expected, new SplenectomyRecognizer().FindInText(text));

    [Theory]
    [InlineData("surgery next week", true)]
    [InlineData("upcoming dental extraction", true)]
    [InlineData("needs a hip replacement", true)]
    [InlineData("planned c-section", true)]
    [InlineData("due to deliver soon", true)]
    [InlineData("no surgery planned", false)]
    [InlineData("no upcoming procedures", false)]
    [InlineData("had surgery in 2019", null)]
    [InlineData("plt 12", null)]
    public void Reads_an_upcoming_procedure(string text, bool? expected) =>
        Assert.Equal(expected, new UpcomingProcedureRecognizer().FindInText(text));

    [Theory]
    [InlineData("no access to romiplostim", new[] { TherapyIds.Romiplostim })]
    [InlineData("can't get fostamatinib", new[] { TherapyIds.Fostamatinib })]
    [InlineData("insurance won't cover Doptelet or Tavalisse", new[] { TherapyIds.Avatrombopag, TherapyIds.Fostamatinib })]
    [InlineData("rilzabrutinib is not available here", new[] { TherapyIds.Rilzabrutinib })]
    [InlineData("failed romiplostim", new string[0])]
    [InlineData("no rituximab", new string[0])]
    public void Reads_unavailable_therapies(string text, string[] expected) =>
        Assert.Equal(expected, new UnavailableTherapyRecognizer(new TherapyRecognizer(TestLexicon.Instance)).FindAll(text));
}
