using ItpBot.Dialogs.Understanding.Reading;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Understanding.Reading;

/// <summary>
/// The patient's own descriptors told inside a question are read, kept apart as told in a question, and the message
/// stays a question. Never the drug the question asks about, never what is supposed ("if", "say she"), never a
/// threshold or a general question about no patient.
/// </summary>
public sealed class QuestionFactsTests
{
    private static TurnReading Read(string text) => TestReaders.Message.Read(text);

    [Theory]
    [InlineData("would eltrombopag suit a man weighing 95 kg?", 95)]
    [InlineData("how much IVIG would a 62kg lady need?", 62)]
    public void A_weight_in_a_question_is_read_as_told_in_it(string text, double kg)
    {
        var reading = Read(text);
        Assert.Equal(MessageIntent.Question, reading.Intent);
        Assert.Equal(kg, reading.Facts.WeightKg);
        Assert.Equal(kg, reading.QuestionFacts.WeightKg);
    }

    [Theory]
    [InlineData("is danazol reasonable for a 74 year old gentleman?", 74, Sex.Male)]
    [InlineData("could a 41-year-old woman take avatrombopag?", 41, Sex.Female)]
    public void An_age_and_sex_in_a_question_are_read(string text, int age, Sex sex)
    {
        var reading = Read(text);
        Assert.Equal(MessageIntent.Question, reading.Intent);
        Assert.Equal(age, reading.QuestionFacts.AgeYears);
        Assert.Equal(sex, reading.Facts.Sex);
    }

    [Theory]
    [InlineData("can my husband go skiing with platelets of 41?", 41)]
    [InlineData("should i worry that my count is 17 after the jab?", 17)]
    public void The_patients_count_in_a_question_is_read(string text, double count)
    {
        var reading = Read(text);
        Assert.Equal(MessageIntent.Question, reading.Intent);
        Assert.Equal(count, reading.QuestionFacts.PlateletCount);
    }

    [Theory]
    [InlineData("is a platelet count of 30 enough for a tooth extraction?")]
    [InlineData("at what count do you transfuse?")]
    [InlineData("what's the usual romiplostim dose for adults?")]
    [InlineData("does a count of 20 need treatment?")]
    public void A_threshold_or_general_question_gives_no_count(string text)
    {
        var reading = Read(text);
        Assert.Null(reading.Facts.PlateletCount);
        Assert.Null(reading.QuestionFacts.PlateletCount);
    }

    [Theory]
    [InlineData("what if her platelets drop to 10 on holiday?")]
    [InlineData("what dose of romiplostim then, say he's 120 kg?")]
    [InlineData("can she have the op if her count is 45?")]
    public void Nothing_supposed_in_a_question_is_read(string text)
    {
        var reading = Read(text);
        Assert.Null(reading.QuestionFacts.PlateletCount);
        Assert.Null(reading.QuestionFacts.WeightKg);
        Assert.Null(reading.Facts.PlateletCount);
        Assert.Null(reading.Facts.WeightKg);
    }

    [Theory]
    [InlineData("should she start romiplostim?")]
    [InlineData("is rituximab an option for him?")]
    [InlineData("romiplostim vs eltrombopag for her?")]
    public void The_drug_a_question_asks_about_is_no_prior_treatment(string text)
    {
        var reading = Read(text);
        Assert.Null(reading.Facts.PriorTreatments);
        Assert.Null(reading.QuestionFacts.PriorTreatments);
    }

    [Fact]
    public void A_drug_the_patient_takes_named_as_theirs_in_a_question_is_a_current_drug()
    {
        var reading = Read("do we need to stop his clopidogrel before the biopsy?");
        Assert.Contains("clopidogrel", reading.QuestionFacts.CurrentDrugs ?? []);
        Assert.Contains(Antithrombotic.Antiplatelet, reading.Facts.Antithrombotics ?? []);
    }

    [Fact]
    public void A_drug_named_bare_in_a_question_is_its_topic()
    {
        var reading = Read("is naproxen safe with ITP?");
        Assert.Null(reading.Facts.CurrentDrugs);
        Assert.Null(reading.Facts.Antithrombotics);
    }

    [Fact]
    public void A_condition_of_the_patient_in_a_question_is_read()
    {
        var reading = Read("can he have fostamatinib with his high blood pressure?");
        Assert.Contains(Comorbidity.Hypertension, reading.QuestionFacts.Comorbidities ?? []);
    }

    [Theory]
    [InlineData("would a pregnant woman need platelets before a caesarean?")]
    [InlineData("is romiplostim licensed for women who are breastfeeding?")]
    public void A_general_question_about_anyone_gives_no_sex_or_pregnancy(string text)
    {
        var reading = Read(text);
        Assert.Null(reading.Facts.Sex);
        Assert.Null(reading.Facts.Pregnant);
    }

    [Fact]
    public void A_condition_named_as_the_questions_topic_is_no_comorbidity()
    {
        var reading = Read("must she be checked for hepatitis C before starting eltrombopag?");
        Assert.Null(reading.Facts.Comorbidities);
    }

    [Fact]
    public void An_outcome_asked_about_is_no_past_treatment()
    {
        var reading = Read("after how many weeks would you say romiplostim has failed for her?");
        Assert.Null(reading.Facts.PriorTreatments);
    }

    [Fact]
    public void A_stated_fact_is_not_told_in_the_question_and_is_not_replaced_by_it()
    {
        var reading = Read("plt 22. would a count of 40 be enough for her to fly?");
        Assert.Equal(22d, reading.Facts.PlateletCount);
        Assert.Null(reading.QuestionFacts.PlateletCount);
    }

    [Theory]
    [InlineData("what's left for a 58 year old woman once rituximab and avatrombopag have both failed?", "rituximab", "avatrombopag")]
    [InlineData("could a pred-dependent 45M go straight to a TPO-RA?", "prednisone", null)]
    public void A_history_told_inside_a_question_about_the_patient_is_read(string text, string first, string? second)
    {
        var told = Read(text).QuestionFacts.PriorTreatments ?? [];

        Assert.Contains(told, t => t.Therapy == first);
        Assert.True(second is null || told.Any(t => t.Therapy == second));
    }

    [Theory]
    [InlineData("how long should she stay on eltrombopag before we call it a failure?")]
    [InlineData("is fostamatinib stopped for a blood pressure of 160 in a 70 year old?")]
    [InlineData("when is someone called steroid-dependent?")]
    public void One_drugs_outcome_asked_about_is_no_history(string text) =>
        Assert.Null(Read(text).Facts.PriorTreatments);
}
