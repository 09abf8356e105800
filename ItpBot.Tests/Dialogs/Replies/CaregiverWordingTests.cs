using System.Text.RegularExpressions;
using ItpBot.Dialogs.Conversation;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge;
using ItpBot.Knowledge.Model;
using ItpBot.Knowledge.Reasoning;

namespace ItpBot.Tests.Dialogs.Replies;

/// <summary>
/// A caregiver reads the plan about the patient, not to "you": every patient-addressed content line has its
/// caregiver wording (Content/caregiver.yaml, checked at start-up), and no caregiver reply, opening or detail,
/// says "you should be seen" or "your platelets" or any other patient line that speaks to "you".
/// </summary>
public partial class CaregiverWordingTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.LoadEmbedded();
    private static readonly TreatmentAdvisor Advisor = new(Kb);
    private readonly AssessmentReply reply = new(Kb);

    /// <summary>Patients across the settings of care: bleeding and counts, blood thinners, spleen, pregnancy, preferences.</summary>
    private static IEnumerable<PatientProfile> Patients()
    {
        foreach (var (count, bleeding) in new[] { (8, Bleeding.Mucosal), (14, Bleeding.Mucosal), (18, Bleeding.Skin), (26, Bleeding.None), (45, Bleeding.None), (9, Bleeding.Severe) })
        foreach (var age in new[] { 34, 79 })
        foreach (var antithrombotics in new[] { Array.Empty<Antithrombotic>(), [Antithrombotic.Anticoagulant], [Antithrombotic.Antiplatelet, Antithrombotic.Anticoagulant] })
        foreach (var splenectomy in new[] { false, true })
        {
            yield return new PatientProfile
            {
                Audience = Audience.Patient,
                AgeYears = age,
                Sex = Sex.Female,
                WeightKg = 64,
                MonthsSinceDiagnosis = 30,
                PlateletCount = count,
                Bleeding = bleeding,
                PriorTreatments = [new(TherapyIds.Prednisone, TreatmentOutcome.Relapsed), new(TherapyIds.Eltrombopag, TreatmentOutcome.NoResponse)],
                Splenectomy = splenectomy,
                Antithrombotics = antithrombotics,
                CurrentDrugs = antithrombotics.Length > 0 ? ["apixaban"] : [],
                Comorbidities = age > 70 ? [Comorbidity.KidneyDisease] : [],
                Preferences = age > 70 ? [Preference.Oral] : [Preference.AvoidInjections],
                Unavailable = [],
                Pregnant = false,
                PregnancyPlanned = age < 40,
                ChildbearingPotential = age < 40,
                UpcomingProcedure = false,
            };
        }
    }

    private IEnumerable<(string Where, string Text)> Replies(Assessment assessment, Addressee to) =>
        Enum.GetValues<AssessmentTopic>()
            .Select(topic => (topic.ToString(), reply.DetailsMarkdown(assessment, topic, to)))
            .Prepend(("opening", reply.Markdown(assessment, to)));

    [Fact]
    public void Every_patient_line_that_speaks_to_you_has_caregiver_wording_checked_at_start_up()
    {
        Assert.True(CaregiverWording.Default.Count >= 50, $"{CaregiverWording.Default.Count} lines");
    }

    [Fact]
    public void A_patient_line_left_without_caregiver_wording_fails_start_up_naming_it()
    {
        var files = KnowledgeBase.EmbeddedSources().ToDictionary();
        files["caregiver.yaml"] = Regex.Replace(files["caregiver.yaml"], @"  - patient: ""You should be seen in hospital today\.""\r?\n    caregiver: [^\n]*\n", string.Empty);

        var failure = Assert.Throws<InvalidDataException>(() => CaregiverWording.Load(files));
        Assert.Contains("You should be seen in hospital today.", failure.Message);
    }

    [Fact]
    public void Caregiver_wording_that_drops_a_placeholder_fails_start_up_naming_the_line()
    {
        var files = KnowledgeBase.EmbeddedSources().ToDictionary();
        files["caregiver.yaml"] = files["caregiver.yaml"].Replace("{He} should carry on with {drugs}:", "{He} should carry on with them:", StringComparison.Ordinal);

        var failure = Assert.Throws<InvalidDataException>(() => CaregiverWording.Load(files));
        Assert.Contains("Carry on with {drugs}", failure.Message);
    }

    [Fact]
    public void No_caregiver_reply_speaks_to_the_reader_as_the_patient()
    {
        var sameDay = 0;
        foreach (var patient in Patients())
        {
            var assessment = Advisor.Assess(patient);
            foreach (var (where, text) in Replies(assessment, new Addressee(Audience.Patient, AboutSomeoneElse: true, Sex.Female)))
            {
                Assert.DoesNotMatch(ToTheReader(), text);
                sameDay += text.Contains("She should be seen in hospital today", StringComparison.Ordinal) ? 1 : 0;
                Assert.False(PatientLines().Any(line => line.IsMatch(text)), $"{where}: a patient line in a caregiver reply\n\n{text}");
            }

            // The patient, typing for themself, still reads their own words.
            Assert.DoesNotContain("She should be seen", reply.Markdown(assessment, Audience.Patient), StringComparison.Ordinal);
        }

        Assert.True(sameDay > 0, "no generated patient was sent to hospital the same day: the cases miss the line they test");
    }

    [Fact]
    public void A_caregiver_whose_patient_sex_is_not_known_reads_of_the_patient()
    {
        var reworded = CaregiverWording.Default.Reword("You should be seen in hospital today.", sex: null);

        Assert.Equal("The patient should be seen in hospital today.", reworded);
    }

    [Fact]
    public void A_filled_placeholder_is_kept_in_the_caregiver_line()
    {
        var reworded = CaregiverWording.Default.Reword("Carry on with apixaban: your count is high enough.", Sex.Male);

        Assert.Equal("He should carry on with apixaban: his count is high enough.", reworded);
    }

    private static IReadOnlyList<Regex> PatientLines() =>
        KnowledgeBase.EmbeddedSources()["caregiver.yaml"].Split('\n')
            .Where(l => l.TrimStart().StartsWith("- patient: ", StringComparison.Ordinal))
            .Select(l => l.Trim()["- patient: ".Length..].Trim('"'))
            .Select(l => new Regex(Regex.Escape(l).Replace(Regex.Escape("{drugs}"), ".+?", StringComparison.Ordinal).Replace(Regex.Escape("{therapy}"), ".+?", StringComparison.Ordinal)))
            .ToList();

    [GeneratedRegex(@"\byou should be seen\b|\byour platelets\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToTheReader();
}
