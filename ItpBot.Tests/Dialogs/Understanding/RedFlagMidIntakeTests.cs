using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Conversation;
using Xunit.Abstractions;
using static ItpBot.Tests.Dialogs.Conversation.ConversationAssert;

namespace ItpBot.Tests.Dialogs.Understanding;

/// <summary>
/// A red flag carried by an answer mid-intake, one per class of sign, read by the real reader through the whole bot:
/// the emergency wins over the pending question, and a caregiver or patient is told to get emergency care first.
/// </summary>
public sealed class RedFlagMidIntakeTests(ITestOutputHelper output)
{
    [Theory]
    // Intracranial: lay stroke words, a seizure in lay words, a bleed on the scan, a GCS as a number.
    [InlineData(IntakeField.Antithrombotics, "yes, my wife is on apixaban, and today her face has dropped on one side", true)]
    [InlineData(IntakeField.Splenectomy, "no splenectomy, but my son just had a fit on the kitchen floor", true)]
    [InlineData(IntakeField.Comorbidities, "none, but grandpa had a fall and there's a bleed on his scan", true)]
    [InlineData(IntakeField.TimeSinceDiagnosis, "3 years, GCS now 9", false)]
    // Ocular and spinal.
    [InlineData(IntakeField.Comorbidities, "nothing else, but my mum says a dark curtain came down over her left eye", true)]
    [InlineData(IntakeField.Comorbidities, "none, but my husband's back suddenly hurts and he can't feel anything below the waist", true)]
    // Upper and lower gastrointestinal.
    [InlineData(IntakeField.Antithrombotics, "yes on apixaban, and today my dad brought up a cupful of blood", true)]
    [InlineData(IntakeField.TimeSinceDiagnosis, "3 years, and my grandpa's poo is black like tar and he's dizzy", true)]
    // Gynaecological and obstetric.
    [InlineData(IntakeField.Comorbidities, "no, but my daughter is bleeding heavily after her miscarriage", true)]
    // Haemodynamic, as numbers and as red cells given for ongoing bleeding.
    [InlineData(IntakeField.Bleeding, "epistaxis, HR 130, BP 85/50", false)]
    [InlineData(IntakeField.Bleeding, "GI bleed, needed 3 units today and still bleeding", false)]
    // Other critical sites.
    [InlineData(IntakeField.Age, "my mum is 70 and her neck is swelling up and she can't breathe", true)]
    [InlineData(IntakeField.Comorbidities, "CXR shows a haemothorax", false)]
    public async Task The_emergency_in_an_answer_wins_over_the_pending_question(IntakeField pending, string answer, bool layVoice)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, pending);

        var replies = await bot.SendAsync(answer);

        var state = await bot.ReadStateAsync();
        Assert.True(state.Intake!.Profile.Bleeding is Bleeding.Severe or Bleeding.Critical, $"bleeding read as {state.Intake.Profile.Bleeding}");
        Assert.DoesNotContain(replies, r => r.Text == Retry(pending));
        var audience = layVoice ? Audience.Patient : Audience.Clinician;
        var seen = ShowsAssessment(replies, audience);
        Assert.StartsWith("\U0001F6A8 **", seen.Markdown);
        if (layVoice)
        {
            Assert.Equal(Audience.Patient, state.Settings!.Audience);
            Assert.StartsWith($"\U0001F6A8 **{ReplyTexts.Default.Urgency.Patient.Emergency}**", seen.Markdown);
        }
    }

    [Theory]
    [InlineData(IntakeField.Comorbidities, "my mum had a brain bleed years ago, I'm asking for myself")]
    [InlineData(IntakeField.Comorbidities, "I'm scared of having a bleed in my head")]
    [InlineData(IntakeField.Splenectomy, "no, never had a fit")]
    public async Task A_feared_past_or_denied_sign_in_an_answer_raises_no_emergency(IntakeField pending, string answer)
    {
        await using var bot = new BotTestClient(output);
        await CaseScript.Typical.AnswerUntilAsync(bot, pending);

        var replies = await bot.SendAsync(answer);

        Assert.False(IsAssessment(replies), "no emergency assessment");
        Assert.False((await bot.ReadStateAsync()).Intake!.Profile.Bleeding is Bleeding.Severe or Bleeding.Critical);
    }
}
