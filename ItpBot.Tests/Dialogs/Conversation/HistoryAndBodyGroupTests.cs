using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;
using Xunit.Abstractions;

namespace ItpBot.Tests.Dialogs.Conversation;

/// <summary>
/// The two groups that ask a thin summary's history in one breath, CoreBot-style transcripts with the real readers:
/// splenectomy, medicines now (blood thinners and the rest, in one part) and comorbidities ("SpleenThinnersConditions"),
/// and age, sex and weight ("AgeSexWeight"). A bare "no" answers all of the first and nothing of the second; a reply part by part is
/// read in order; facts in the user's own words are read wherever they stand; a part left out is asked on its own
/// once; a "not sure" part is passed with what is assumed, never asked again.
/// </summary>
public sealed class HistoryAndBodyGroupTests(ITestOutputHelper output)
{
    private static ConversationTexts Texts => ConversationTexts.Default;

    private static readonly IReadOnlyList<IntakeField> History = [IntakeField.Splenectomy, IntakeField.Antithrombotics, IntakeField.Comorbidities, IntakeField.CurrentDrugs];

    private static readonly IReadOnlyList<IntakeField> Body = [IntakeField.Age, IntakeField.Sex, IntakeField.Weight];

    // Count, bleeding, duration and treatments, and nothing of the history or the body: both groups are asked whole.
    private const string ThinClinicianSummary = "plt 18, petechiae, ITP 3 years, prednisolone relapsed";

    private const string ThinPatientSummary = "I've had ITP for 4 years, my platelets are 21, I get bruises, steroids worked then wore off";

    [Theory]
    [InlineData("no", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=none; Comorbidities=none; CurrentDrugs=none")]
    [InlineData("None of these", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=none; Comorbidities=none; CurrentDrugs=none")]
    [InlineData("no to all", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=none; Comorbidities=none; CurrentDrugs=none")]
    [InlineData("No to all three", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=none; Comorbidities=none; CurrentDrugs=none")]
    [InlineData("no, no, none", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=none; Comorbidities=none; CurrentDrugs=none")]
    [InlineData("nope; none; nothing", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=none; Comorbidities=none; CurrentDrugs=none")]
    [InlineData("no, apixaban, none", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=anticoagulant; Comorbidities=none; CurrentDrugs=apixaban")]
    [InlineData("no spleen op, on apixaban for AF", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=anticoagulant; Comorbidities=heart disease; CurrentDrugs=apixaban")]
    [InlineData("spleen still in, takes clopidogrel, and has type 2 diabetes", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=antiplatelet; Comorbidities=diabetes; CurrentDrugs=clopidogrel")]
    // Part answered: what the reply leaves out stays to be asked on its own.
    [InlineData("no splenectomy, on aspirin", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=antiplatelet; CurrentDrugs=aspirin")]
    // A yes in its place says there is something, not what: that part is not answered by the no beside it.
    [InlineData("no, yes, none", IntakeField.Splenectomy, "Splenectomy=no; Comorbidities=none")]
    // A part that only qualifies the one before it is read with it; a yes that cannot be placed stops the no beside it
    // from answering what the yes may have meant (a spleen that is out is never read as in place).
    [InlineData("yes, in 2016; none; none", IntakeField.Splenectomy, "Splenectomy=yes; Antithrombotics=none; Comorbidities=none; CurrentDrugs=none")]
    // The medicines part names every medicine taken now, as written, the thinners among them: a list closed by "just",
    // "only" or "nothing else" names every thinner too, or none; "no blood thinners" alone says nothing of the others;
    // an ITP drug is a treatment, never a current drug.
    [InlineData("no; lansoprazole and ferrous sulphate; none", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=none; Comorbidities=none; CurrentDrugs=lansoprazole, ferrous sulphate")]
    [InlineData("spleen out in 2015, just levothyroxine and a statin, underactive thyroid", IntakeField.Splenectomy, "Splenectomy=yes; Antithrombotics=none; CurrentDrugs=levothyroxine, statin")]
    [InlineData("no, no blood thinners, diabetes", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=none; Comorbidities=diabetes")]
    [InlineData("no op; rivaroxaban for a PE, nothing else; none", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=anticoagulant; Comorbidities=thrombosis history; CurrentDrugs=rivaroxaban")]
    [InlineData("never had the spleen out, eltrombopag only, no other conditions", IntakeField.Splenectomy, "Splenectomy=no; Antithrombotics=none; Comorbidities=none; CurrentDrugs=none")]
    [InlineData("no anticoagulants, only the pill", IntakeField.Antithrombotics, "Antithrombotics=none; CurrentDrugs=the pill")]
    [InlineData("yes; none", IntakeField.Splenectomy, "")]
    [InlineData("38, female, about 60 kg", IntakeField.Age, "Age=38; Sex=female; Weight=60 kg")]
    [InlineData("24 m 11 stone", IntakeField.Age, "Age=24; Sex=male; Weight=69.9 kg")]
    [InlineData("61; F; 72kg", IntakeField.Age, "Age=61; Sex=female; Weight=72 kg")]
    [InlineData("male, 70, 90 kilos", IntakeField.Age, "Age=70; Sex=male; Weight=90 kg")]
    [InlineData("52, 80 kg", IntakeField.Age, "Age=52; Weight=80 kg")]
    // No bare negative: "no" gives none of age, sex and weight.
    [InlineData("no", IntakeField.Age, "")]
    public async Task A_reply_to_a_history_or_body_group_is_read_field_by_field(string reply, IntakeField first, string expected)
    {
        await using var bot = new BotTestClient(output);
        var asked = FieldRegistry.GroupOf(first)!.Fields;
        var reading = bot.Services.GetRequiredService<ConversationInterpreter>().ReadGroupAnswer(reply, asked);

        var read = asked.Where(reading.FactFields.Contains).Select(f => $"{f}={FieldRegistry.Get(f).Show(reading.Facts, id => id)}");
        Assert.Equal(expected, string.Join("; ", read));
    }

    [Theory]
    [InlineData("38, female, not sure", IntakeField.Weight)]
    // The medicines part asks the thinners and the other medicines at once: "not sure" there passes both.
    [InlineData("no, not sure, hypertension", IntakeField.Antithrombotics, IntakeField.CurrentDrugs)]
    [InlineData("no idea what she weighs", IntakeField.Weight)]
    [InlineData("45 and female, don't know her weight", IntakeField.Weight)]
    public async Task A_not_sure_part_passes_its_own_field_only(string reply, params IntakeField[] passed)
    {
        await using var bot = new BotTestClient(output);
        var asked = FieldRegistry.GroupOf(passed[0])!.Fields;
        var reading = bot.Services.GetRequiredService<ConversationInterpreter>().ReadGroupAnswer(reply, asked);

        Assert.Equal(passed, reading.NotKnown);
    }

    [Fact]
    public async Task A_thin_summary_is_asked_its_history_in_one_question_and_no_to_all_answers_it()
    {
        await using var bot = new BotTestClient(output);
        var replies = await bot.SendAsync("62M, " + ThinClinicianSummary);

        Assert.Equal(Texts.Question(History, Audience.Clinician), replies[^1].Text);
        Assert.Contains(replies[^1].SuggestedActions.Actions, a => a.Title == "None of these");
        replies = await bot.SendAsync("no to all");

        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal(false, intake.Profile.Splenectomy);
        Assert.Equal([], intake.Profile.Antithrombotics!);
        Assert.Equal([], intake.Profile.Comorbidities!);

        // Age and sex came with the summary: the weight is asked on its own, in its own words.
        Assert.Equal([IntakeField.Weight], intake.PendingFields());
        Assert.Equal(Texts.Question(IntakeField.Weight, Audience.Clinician), replies[^1].Text);
    }

    [Fact]
    public async Task A_group_part_the_summary_gave_is_left_out_of_the_question()
    {
        await using var bot = new BotTestClient(output);
        var replies = await bot.SendAsync("62M, no splenectomy, " + ThinClinicianSummary);

        IReadOnlyList<IntakeField> rest = [IntakeField.Antithrombotics, IntakeField.Comorbidities, IntakeField.CurrentDrugs];
        Assert.Equal(rest, (await bot.ReadStateAsync()).Intake!.PendingFields());
        Assert.Equal(Texts.Question(rest, Audience.Clinician), replies[^1].Text);
        Assert.DoesNotContain("splenectomy", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(Texts.Question(History, Audience.Clinician), replies[^1].Text);
    }

    [Fact]
    public async Task A_part_the_reply_leaves_out_is_asked_once_on_its_own()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("62M, " + ThinClinicianSummary);

        var replies = await bot.SendAsync("no splenectomy, on aspirin");

        Assert.Equal([IntakeField.Comorbidities], (await bot.ReadStateAsync()).Intake!.PendingFields());
        Assert.Equal(Texts.Question(IntakeField.Comorbidities, Audience.Clinician), replies[^1].Text);
        replies = await bot.SendAsync("hypertension");
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Equal([Comorbidity.Hypertension], intake.Profile.Comorbidities!);
        Assert.DoesNotContain(intake.PendingFields(), History.Contains);
    }

    [Fact]
    public async Task A_patient_answers_both_groups_part_by_part_and_is_shown_it_all_back()
    {
        await using var bot = new BotTestClient(output);
        var replies = await bot.SendAsync(ThinPatientSummary);
        Assert.Equal(Texts.Question(History, Audience.Patient), replies[^1].Text);

        replies = await bot.SendAsync("no, apixaban, none");
        Assert.Equal(Texts.Question(Body, Audience.Patient), replies[^1].Text);
        replies = await bot.SendAsync("38, male, about 70 kg");

        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal((38, Sex.Male, 70.0), (profile.AgeYears, profile.Sex, profile.WeightKg));
        Assert.Equal([Antithrombotic.Anticoagulant], profile.Antithrombotics!);
        Assert.Equal(false, profile.Splenectomy);
        Assert.Equal([], profile.Comorbidities!);
    }

    [Fact]
    public async Task An_unknown_weight_costs_no_reprompt_and_the_rest_is_asked_with_its_own_words()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync(ThinPatientSummary);
        await bot.SendAsync("none of these");

        var replies = await bot.SendAsync("not sure of my weight");

        Assert.DoesNotContain(replies, r => r.Text == Texts.Retry(Body, Audience.Patient));
        Assert.Equal(Texts.Assumption(IntakeField.Weight, Audience.Patient), replies[0].Text);
        IReadOnlyList<IntakeField> rest = [IntakeField.Age, IntakeField.Sex];
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.Contains(IntakeField.Weight, intake.Skipped);
        Assert.Equal(rest, intake.PendingFields());
        Assert.Equal(Texts.Question(rest, Audience.Patient), replies[^1].Text);
        Assert.DoesNotContain("weigh", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_bare_no_to_age_sex_and_weight_is_asked_again()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync(ThinPatientSummary);
        await bot.SendAsync("no");

        var replies = await bot.SendAsync("no");

        Assert.Equal(Texts.Retry(Body, Audience.Patient), Assert.Single(replies).Text);
        Assert.Equal(Body, (await bot.ReadStateAsync()).Intake!.PendingFields());
    }

    [Fact]
    public async Task Not_sure_to_the_whole_history_question_passes_it_and_says_what_is_assumed()
    {
        await using var bot = new BotTestClient(output);
        await bot.SendAsync("62M, " + ThinClinicianSummary);

        var replies = await bot.SendAsync("not sure");

        Assert.Equal(Texts.Assumption(History, Audience.Clinician), replies[0].Text);
        var intake = (await bot.ReadStateAsync()).Intake!;
        Assert.All(History, f => Assert.Contains(f, intake.Skipped));
        Assert.DoesNotContain(intake.PendingFields(), History.Contains);
    }

    [Fact]
    public async Task A_caregiver_is_asked_of_the_patient_and_tells_facts_in_her_own_words()
    {
        await using var bot = new BotTestClient(output);
        var replies = await bot.SendAsync("my mum has had ITP for 6 years, her platelets are 15, she bruises, prednisolone worked then stopped working");
        var her = new Addressee(Audience.Patient, true, Sex.Female);
        Assert.Equal(Texts.Question(History, her), replies[^1].Text);
        Assert.Contains("her spleen", replies[^1].Text, StringComparison.Ordinal);

        replies = await bot.SendAsync("she's never had her spleen out, she's on warfarin for a past clot");
        var profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(false, profile.Splenectomy);
        Assert.Equal([Antithrombotic.Anticoagulant], profile.Antithrombotics!);
        Assert.Contains(Comorbidity.ThrombosisHistory, profile.Comorbidities!);

        // Her sex is known: age and weight are asked, of her.
        IReadOnlyList<IntakeField> rest = [IntakeField.Age, IntakeField.Weight];
        Assert.Equal(Texts.Question(rest, her), replies[^1].Text);
        await bot.SendAsync("she's 70, no idea what she weighs");
        profile = (await bot.ReadStateAsync()).Intake!.Profile;
        Assert.Equal(70, profile.AgeYears);
        Assert.Contains(IntakeField.Weight, (await bot.ReadStateAsync()).Intake!.Skipped);
    }

    [Fact]
    public void Every_subset_of_a_group_of_three_is_asked_in_its_own_words_in_each_voice()
    {
        foreach (var group in FieldRegistry.Groups.Where(g => g.Fields.Count > 2))
        {
            var pairs = group.Fields.SelectMany((a, i) => group.Fields.Skip(i + 1).Select(b => (IReadOnlyList<IntakeField>)[a, b])).ToList();
            foreach (var pair in pairs)
            {
                var clinician = Texts.Question(pair, Audience.Clinician);
                var her = Texts.Question(pair, new Addressee(Audience.Patient, true, Sex.Female));
                Assert.NotEqual(Texts.Question(group.Fields, Audience.Clinician), clinician);
                Assert.NotEqual(Texts.Question(pair, Audience.Patient), her);
                Assert.DoesNotContain("your", her, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("{", her, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(Texts.Assumption(pair, Audience.Patient)));
            }
        }
    }
}
