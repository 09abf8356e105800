using ItpBot.Dialogs.Understanding;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Questions;

namespace ItpBot.Tests.Dialogs.Understanding;

public sealed class IntentReaderTests
{
    private readonly IntentReader reader = new(new TherapyRecognizer(TestLexicon.Instance), TestLexicon.Instance);

    [Theory]
    [InlineData("help", Command.Help)]
    [InlineData("Help!", Command.Help)]
    [InlineData("?", Command.Help)]
    [InlineData("what can you do?", Command.Help)]
    [InlineData("cancel", Command.Cancel)]
    [InlineData("never mind", Command.Cancel)]
    [InlineData("start over", Command.StartOver)]
    [InlineData("new patient", Command.StartOver)]
    [InlineData("let's start again", Command.StartOver)]
    [InlineData("forget me", Command.ForgetMe)]
    [InlineData("please delete my data", Command.ForgetMe)]
    [InlineData("I'm a patient", Command.SwitchToPatient)]
    [InlineData("patient mode", Command.SwitchToPatient)]
    [InlineData("clinician mode", Command.SwitchToClinician)]
    [InlineData("I am a haematologist", Command.SwitchToClinician)]
    public void Reads_a_command(string text, Command expected) =>
        Assert.Equal(new CommandIntent(expected), reader.Read(text));

    public static TheoryData<string, QuestionKind, string[]> Questions => new()
    {
        { "dose of danazol?", QuestionKind.Dose, [TherapyIds.Danazol] },
        { "how much romiplostim", QuestionKind.Dose, [TherapyIds.Romiplostim] },
        { "what's the starting dose of Promacta?", QuestionKind.Dose, [TherapyIds.Eltrombopag] },
        { "romiplostim dose", QuestionKind.Dose, [TherapyIds.Romiplostim] },
        { "eltrombopag dose for East Asian patient", QuestionKind.Dose, [TherapyIds.Eltrombopag] },
        { "romiplostim monitoring in an older patient", QuestionKind.Monitoring, [TherapyIds.Romiplostim] },
        { "IVIG onset", QuestionKind.Onset, [TherapyIds.Ivig] },
        { "response rate of rituximab?", QuestionKind.ResponseRate, [TherapyIds.Rituximab] },
        { "how well does fostamatinib work?", QuestionKind.ResponseRate, [TherapyIds.Fostamatinib] },
        { "side effects of eltrombopag", QuestionKind.SideEffects, [TherapyIds.Eltrombopag] },
        { "what are the risks of splenectomy?", QuestionKind.SideEffects, [TherapyIds.Splenectomy] },
        { "how fast does IVIG work", QuestionKind.Onset, [TherapyIds.Ivig] },
        { "how long until dex kicks in?", QuestionKind.Onset, [TherapyIds.Dexamethasone] },
        { "what monitoring is needed on eltrombopag?", QuestionKind.Monitoring, [TherapyIds.Eltrombopag] },
        { "is rituximab safe in pregnancy", QuestionKind.PregnancySafety, [TherapyIds.Rituximab] },
        { "can I give IVIg while breastfeeding?", QuestionKind.PregnancySafety, [TherapyIds.Ivig] },
        { "romiplostim vs eltrombopag", QuestionKind.Comparison, [TherapyIds.Romiplostim, TherapyIds.Eltrombopag] },
        { "compare Nplate and Doptelet", QuestionKind.Comparison, [TherapyIds.Romiplostim, TherapyIds.Avatrombopag] },
        { "tell me about avatrombopag", QuestionKind.Overview, [TherapyIds.Avatrombopag] },
        { "what is rilzabrutinib?", QuestionKind.Overview, [TherapyIds.Rilzabrutinib] },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void Reads_a_question(string text, QuestionKind kind, string[] therapyIds)
    {
        var intent = Assert.IsType<QuestionIntent>(reader.Read(text));
        Assert.Equal(kind, intent.Question.Kind);
        Assert.Equal(therapyIds, intent.Question.Therapies);
        Assert.False(intent.WhyNot);
    }

    [Theory]
    [InlineData("what is refractory ITP?", "refractory")]
    [InlineData("define chronic ITP", "chronic")]
    [InlineData("what does corticosteroid dependence mean?", "corticosteroid dependence")]
    [InlineData("what is complete response?", "complete response")]
    [InlineData("define flux capacitor", "flux capacitor")]
    [InlineData("what does thrombopoiesis mean?", "thrombopoiesis")]
    public void Reads_a_definition(string text, string term)
    {
        var intent = Assert.IsType<QuestionIntent>(reader.Read(text));
        Assert.Equal(QuestionKind.Definition, intent.Question.Kind);
        Assert.Equal(term, intent.Question.Term);
        Assert.Empty(intent.Question.Therapies);
    }

    [Fact]
    public void Reads_why_not()
    {
        var intent = Assert.IsType<QuestionIntent>(reader.Read("why not romiplostim?"));
        Assert.True(intent.WhyNot);
        Assert.Equal([TherapyIds.Romiplostim], intent.Question.Therapies);
    }

    [Fact]
    public void Passes_on_weight_and_audience()
    {
        var intent = Assert.IsType<QuestionIntent>(reader.Read("dose of romiplostim?", 70, Audience.Patient));
        Assert.Equal(70, intent.Question.WeightKg);
        Assert.Equal(Audience.Patient, intent.Question.Audience);
    }

    [Fact]
    public void Spreads_a_class_and_says_so()
    {
        var intent = Assert.IsType<QuestionIntent>(reader.Read("side effects of TPO-RAs?"));
        Assert.Equal([TherapyIds.Romiplostim, TherapyIds.Eltrombopag, TherapyIds.Avatrombopag], intent.Question.Therapies);
        Assert.Equal(["TPO-RA"], intent.AmbiguousClasses);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("eltrombopag")]
    [InlineData("Eltrombopag.")]
    [InlineData("side effects too bad")]
    [InlineData("failed eltrombopag 75 mg and rituximab")]
    [InlineData("52M, chronic ITP 3y, plt 12k, epistaxis")]
    [InlineData("did nothing")]
    [InlineData("on eltrombopag dose 50 mg, plt 20")]
    [InlineData("eltrombopag dose reduced then relapsed")]
    [InlineData("18 months")]
    [InlineData("what's next?")]
    [InlineData("eltrombopag?")]
    [InlineData("")]
    public void Takes_a_plain_answer_for_no_intent(string text) => Assert.Null(reader.Read(text));
}
