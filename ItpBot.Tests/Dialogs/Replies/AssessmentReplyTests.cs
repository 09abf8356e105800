using System.Text;
using System.Text.RegularExpressions;
using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ItpBot.Tests.Dialogs.Replies;

public class AssessmentReplyTests
{
    private const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    private readonly AssessmentReply reply = new(AssessmentFixtures.Lexicon());

    public static TheoryData<string, Audience> Cases()
    {
        var data = new TheoryData<string, Audience>();
        foreach (var (name, _) in AssessmentFixtures.All())
        {
            data.Add(name, Audience.Clinician);
            data.Add(name, Audience.Patient);
        }
        return data;
    }

    private static Assessment Fixture(string name) => AssessmentFixtures.All().Single(f => f.Name == name).Assessment;

    private static string Label(Audience audience) => ReplyTexts.Default.Labels.For(audience).References;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Markdown_uses_no_headers_and_no_tables(string fixture, Audience audience)
    {
        var markdown = reply.Markdown(Fixture(fixture), audience);

        Assert.DoesNotMatch(new Regex(@"^\s*#", RegexOptions.Multiline), markdown);
        Assert.DoesNotContain("|", markdown);
        Assert.Contains("**", markdown);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Citations_are_numbered_in_order_of_first_use_and_match_the_references_list(string fixture, Audience audience)
    {
        var markdown = reply.Markdown(Fixture(fixture), audience);

        var order = ReplyInspection.CitationOrder(ReplyInspection.BeforeReferences(markdown, Label(audience)));
        var references = ReplyInspection.ReferenceItems(markdown, Label(audience));
        Assert.Equal(Enumerable.Range(1, references.Count), order);
    }

    [Fact]
    public void Reference_numbers_follow_first_use_not_the_order_of_the_references_array()
    {
        // Romiplostim cites kuter-2008 then ash-2019; icr-2019, first in the array, is not cited in the opening at all.
        var markdown = reply.Markdown(AssessmentFixtures.Chronic(), Audience.Clinician);

        var references = ReplyInspection.ReferenceItems(markdown, Label(Audience.Clinician));
        Assert.Equal(2, references.Count);
        Assert.StartsWith("Efficacy of romiplostim", references[0]);
        Assert.StartsWith("American Society of Hematology 2019", references[1]);
        Assert.Contains("**First choice: Romiplostim** [1][2]", markdown);

        // A detail numbers its own: eltrombopag's one line cites ash-2019 and icr-2019 as [1][2] there.
        var alternatives = reply.DetailsMarkdown(AssessmentFixtures.Chronic(), AssessmentTopic.Alternatives, Audience.Clinician);
        Assert.Contains("**Eltrombopag** \u2014 Daily oral TPO-RA; 50 mg once daily, taken apart from calcium-rich food. [1][2]", alternatives);
        Assert.StartsWith("American Society of Hematology 2019", ReplyInspection.ReferenceItems(alternatives, Label(Audience.Clinician))[0]);
    }

    [Fact]
    public void References_list_title_publisher_year_and_a_link_only_when_there_is_a_url()
    {
        var references = ReplyInspection.ReferenceItems(
            reply.Markdown(AssessmentFixtures.Chronic(), Audience.Clinician), Label(Audience.Clinician));

        Assert.Equal("Efficacy of romiplostim in patients with chronic immune thrombocytopenic purpura. The Lancet, 2008.", references[0]);
        Assert.Equal(
            "American Society of Hematology 2019 guidelines for immune thrombocytopenia. Blood Advances, 2019. " +
            "[doi.org](https://doi.org/10.1182/bloodadvances.2019000966)",
            references[1]);
    }

    [Fact]
    public void Without_a_bottom_line_the_opening_leads_with_the_urgency_then_the_first_choice_and_names_the_rest()
    {
        var assessment = AssessmentFixtures.Chronic();
        var first = assessment.Options[0];
        var markdown = reply.Markdown(assessment, Audience.Clinician);

        Assert.StartsWith("**Urgency:**", markdown);
        string[] inOrder =
        [
            "**First choice: Romiplostim**", first.Summary, "**Why:**", first.Rationale[0], $"**Dosing:** {first.Dosing}",
            "**Alternatives:** Eltrombopag, Fostamatinib.", "**Avoid now:** Prednisone.",
            "**Also check:** steroid duration, hepatitis B screening", "**Would change the answer if known:** weight",
            "_More on request: All dosing", "**References:**",
        ];
        AssertInOrder(markdown, inOrder);
        // Response, onset, cautions and the later options wait to be asked for.
        Assert.DoesNotContain(first.ResponseRates[0], markdown);
        Assert.DoesNotContain(first.Cautions[0], markdown);
        Assert.DoesNotContain("Rituximab", markdown);
        Assert.Contains(first.ResponseRates[0], reply.DetailsMarkdown(assessment, AssessmentTopic.Response, Audience.Clinician));
        Assert.Contains(first.Cautions[0], reply.DetailsMarkdown(assessment, AssessmentTopic.Safety, Audience.Clinician));
        Assert.Contains("- **Rituximab** \u2014", reply.DetailsMarkdown(assessment, AssessmentTopic.Alternatives, Audience.Clinician));
    }

    [Fact]
    public void A_v2_opening_reads_bottom_line_alert_answer_today_first_choice_and_why_in_that_order()
    {
        var assessment = AssessmentFixtures.Anticoagulated();
        var markdown = reply.Markdown(assessment, Audience.Clinician);

        AssertInOrder(markdown,
        [
            $"**Bottom line:** {assessment.BottomLine}",
            "\u26A0\uFE0F Hold apixaban now; restart when the count is stably at or above 50 × 10⁹/L. [1]",
            "**Your question:** Yes, stop the apixaban now: The count of 15 is below 50 × 10⁹/L. [1]",
            "**Today:**",
            "- Hold apixaban: Count below 50 × 10⁹/L. [1]",
            "- Give dexamethasone 40 mg daily for 4 days: A quick rise is needed. [2]",
            "**First choice: Romiplostim**",
            "Weekly subcutaneous TPO-RA with the best durable response. [1]",
            "- Favoured on efficacy and durability.",
            "- Durable response 61% in trials. [3]",
            "**Dosing:** 1 µg/kg weekly; for 70 kg, 70 µg weekly. [3]",
            "**Before starting:**",
            "- Full blood count weekly while the dose is titrated. [1]",
            "**Alternatives:** Eltrombopag.",
            "**Avoid now:** Prednisone.",
            "**Also check:** hepatitis B prophylaxis",
            "**References:**",
        ]);
        Assert.True(ReaderWords.Count(ReplyInspection.BeforeReferences(markdown, "References")) <= ReaderWords.OpeningLimit);
        Assert.DoesNotContain("Not refractory", markdown);
        Assert.DoesNotContain("Rilzabrutinib raises", markdown);
    }

    private static void AssertInOrder(string markdown, IReadOnlyList<string> inOrder)
    {
        var positions = inOrder.Select(part => markdown.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.All(positions.Zip(inOrder), p => Assert.True(p.First >= 0, $"missing: {p.Second}\n\n{markdown}"));
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_number_shown_comes_from_the_assessment(string fixture, Audience audience)
    {
        var assessment = Fixture(fixture);
        var messages = reply.Render(assessment, audience);

        foreach (var message in messages)
        {
            Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers(message.Text ?? "", assessment));
            foreach (var action in message.SuggestedActions?.Actions ?? [])
            {
                Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers($"{action.Title} {action.Value}", assessment));
            }
        }
        var cardText = ReplyInspection.CardText(ReplyInspection.SerializedCard(messages[0]));
        Assert.Empty(ReplyNumbersGuard.UnsourcedNumbers(cardText, assessment));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Suggested_actions_travel_on_a_separate_message_without_attachments(string fixture, Audience audience)
    {
        var messages = reply.Render(Fixture(fixture), audience);

        Assert.True(messages.Count >= 2);
        var actions = messages[^1];
        Assert.NotEmpty(actions.SuggestedActions.Actions);
        Assert.All(actions.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.True(actions.Attachments is null || actions.Attachments.Count == 0);
        Assert.DoesNotContain("attachments", JObject.Parse(ReplyInspection.Serialize(actions)).Properties().Select(p => p.Name));
        Assert.All(messages.Take(messages.Count - 1), m => Assert.Null(m.SuggestedActions));
        Assert.Equal(AdaptiveCard, Assert.Single(messages[0].Attachments).ContentType);
    }

    [Fact]
    public void Clinician_actions_ask_for_dosing_the_details_left_out_why_not_comparison_and_a_new_patient()
    {
        var actions = reply.Render(AssessmentFixtures.Chronic(), Audience.Clinician)[^1].SuggestedActions.Actions;

        Assert.Equal(
            ["Dosing of Romiplostim", "Alternatives", "Safety steps", "Why not Prednisone?", "Compare Romiplostim vs Eltrombopag", "New patient"],
            actions.Select(a => a.Title));
        Assert.Equal(
            ["What is the dosing of Romiplostim?", "Alternatives", "Safety steps", "Why not Prednisone?", "Compare Romiplostim vs Eltrombopag", "New patient"],
            actions.Select(a => (string)a.Value));
        Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
    }

    [Fact]
    public void Interactions_are_offered_only_when_there_are_some_or_a_drug_was_not_recognised()
    {
        Assert.DoesNotContain(reply.Render(AssessmentFixtures.Chronic(), Audience.Clinician)[^1].SuggestedActions.Actions, a => a.Title == "Interactions");
        Assert.Contains(reply.Render(AssessmentFixtures.Anticoagulated(), Audience.Clinician)[^1].SuggestedActions.Actions, a => a.Title == "Interactions");
    }

    [Fact]
    public void Without_an_avoided_therapy_why_not_asks_about_the_lowest_ranked_option()
    {
        var assessment = AssessmentFixtures.Chronic() with { Avoid = [] };

        var actions = reply.Render(assessment, Audience.Clinician)[^1].SuggestedActions.Actions;

        Assert.Contains(actions, a => a.Title == "Why not Rituximab?");
    }

    [Fact]
    public void Card_is_adaptive_card_1_5_and_serializes_as_an_object()
    {
        var message = reply.Render(AssessmentFixtures.Chronic(), Audience.Clinician)[0];

        var card = ReplyInspection.SerializedCard(message);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        var body = Assert.IsType<JArray>(card["body"]);
        Assert.NotEmpty(body);
        Assert.All(body, element => Assert.False(string.IsNullOrEmpty((string?)element["type"])));
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)JObject.Parse(ReplyInspection.Serialize(message))["attachments"]![0]!["contentType"]);
    }

    [Fact]
    public void Card_summarises_urgency_risk_phase_first_choice_dosing_alternatives_and_avoid()
    {
        var assessment = AssessmentFixtures.Chronic();
        var cardText = ReplyInspection.CardText(ReplyInspection.SerializedCard(reply.Render(assessment, Audience.Clinician)[0]));

        Assert.Contains(ReplyTexts.Default.UrgencyText(Urgency.Prompt, Audience.Clinician), cardText);
        Assert.Contains("Moderate", cardText);
        Assert.Contains("Chronic", cardText);
        Assert.Contains("Romiplostim", cardText);
        Assert.Contains(assessment.Options[0].Dosing!, cardText);
        Assert.Contains("Eltrombopag, Fostamatinib, Rituximab", cardText);
        Assert.Contains("Prednisone", cardText);
    }

    [Fact]
    public void Card_reads_in_the_order_of_the_text_bottom_line_answer_today_first_choice_then_alternatives()
    {
        var assessment = AssessmentFixtures.Anticoagulated();
        var cardText = ReplyInspection.CardText(ReplyInspection.SerializedCard(reply.Render(assessment, Audience.Clinician)[0]));

        AssertInOrder(cardText,
        [
            assessment.BottomLine!, assessment.Alerts[0].Text, assessment.Decisions[0].Answer, assessment.Today[0].Action,
            "Romiplostim", "Favoured on efficacy and durability", assessment.Options[0].Dosing!, "Eltrombopag",
        ]);
        Assert.DoesNotContain(assessment.Alerts[1].Text, cardText);
    }

    [Fact]
    public void Emergency_card_leads_with_an_attention_banner()
    {
        var card = ReplyInspection.SerializedCard(reply.Render(AssessmentFixtures.Emergency(), Audience.Clinician)[0]);

        var banner = card["body"]!.First(element => (string?)element["type"] == "Container");
        Assert.Equal("attention", (string?)banner["style"]);
        var facts = card["body"]!.First(element => (string?)element["type"] == "FactSet")["facts"]!;
        Assert.Equal("Give together now", (string?)facts[0]!["title"]);
        Assert.Equal("IVIg + Methylprednisolone + Platelet transfusion", (string?)facts[0]!["value"]);
    }

    [Fact]
    public void Every_activity_stays_under_80_KB_and_no_content_is_lost()
    {
        var assessment = AssessmentFixtures.Huge(lines: 3000);

        var opening = reply.Render(assessment, Audience.Clinician);
        var details = reply.Details(assessment, AssessmentTopic.Safety, Audience.Clinician);

        Assert.Equal(2, opening.Count);
        Assert.True(details.Count > 1, "expected the detail to be split");
        Assert.All(opening.Concat(details), m => Assert.True(Encoding.UTF8.GetByteCount(ReplyInspection.Serialize(m)) < 80 * 1024));
        var lines = details.SelectMany(m => (m.Text ?? "").Split('\n')).ToHashSet(StringComparer.Ordinal);
        Assert.All(assessment.Options[0].Cautions, line => Assert.Contains($"- {line}", lines));
        Assert.Contains("**References:**", details[^1].Text);
        Assert.NotNull(details[^1].SuggestedActions);
        Assert.All(details, m => Assert.True(m.Attachments is null || m.Attachments.Count == 0));
    }

    [Fact]
    public void A_normal_assessment_is_one_text_message_plus_the_actions()
    {
        var messages = reply.Render(AssessmentFixtures.Chronic(), Audience.Clinician);

        Assert.Equal(2, messages.Count);
        Assert.Equal(TextFormatTypes.Markdown, messages[0].TextFormat);
    }

    [Fact]
    public void Content_text_is_escaped_for_Markdown()
    {
        var assessment = AssessmentFixtures.Chronic() with
        {
            Avoid = [new AvoidedTherapy(TherapyIds.Danazol, "# *not* [now](http://evil.example) <b>", ["ash-2019"])],
            BottomLine = "# *Bottom* [line](http://evil.example) <b>",
        };

        var markdown = reply.Markdown(assessment, Audience.Clinician) + reply.DetailsMarkdown(assessment, AssessmentTopic.Avoid, Audience.Clinician);

        Assert.Contains(@"**Danazol** — \# \*not\* \[now\](http://evil.example) \<b\>", markdown);
        Assert.Contains(@"**Bottom line:** \# \*Bottom\* \[line\](http://evil.example) \<b\>", markdown);
        Assert.DoesNotContain("[now](", markdown);
        Assert.DoesNotContain("[line](", markdown);
    }

    [Fact]
    public void Lexicon_names_are_used_and_unknown_ids_are_made_readable()
    {
        var markdown = reply.Markdown(AssessmentFixtures.Emergency(), Audience.Clinician);

        Assert.Contains("IVIg + Methylprednisolone + Platelet transfusion", markdown);
    }

    [Fact]
    public void Patient_text_has_no_doses_and_points_to_the_haematologist_and_is_still_cited()
    {
        foreach (var (_, assessment) in AssessmentFixtures.All())
        {
            var messages = reply.Render(assessment, Audience.Patient);
            var text = string.Join("\n", messages.Select(m => m.Text));
            var card = ReplyInspection.CardText(ReplyInspection.SerializedCard(messages[0]));

            Assert.DoesNotMatch(new Regex(@"\d\s*(mg|µg|μg|mcg|g/kg)", RegexOptions.IgnoreCase), text + card);
            Assert.Contains(ReplyTexts.Default.HaematologistPointer, text);
            Assert.Contains("**Sources:**", text);
            Assert.Matches(@"\[1\]", text);
        }
    }

    [Fact]
    public void Patient_text_explains_instead_of_dosing()
    {
        var assessment = AssessmentFixtures.Chronic();
        var markdown = reply.Markdown(assessment, Audience.Patient);

        Assert.DoesNotContain("Dosing", markdown);
        Assert.DoesNotContain("How it is given", markdown);
        Assert.Contains(ReplyTexts.Default.UrgencyText(Urgency.Prompt, Audience.Patient), markdown);
        Assert.Contains($"_{ReplyTexts.Default.PatientHints.FirstChoice}_", markdown);
        Assert.Contains("**Other options:** Eltrombopag, Fostamatinib.", markdown);

        var alternatives = reply.DetailsMarkdown(assessment, AssessmentTopic.Alternatives, Audience.Patient);
        Assert.Contains("**Eltrombopag** \u2014 Daily oral TPO-RA. [1][2]", alternatives);
        Assert.Contains($"**Other options:** _{ReplyTexts.Default.PatientHints.Alternatives}_", alternatives);
        Assert.DoesNotContain(ReplyTexts.Default.PatientHints.Alternatives,
            reply.DetailsMarkdown(assessment, AssessmentTopic.Alternatives, Audience.Clinician));
        var response = reply.DetailsMarkdown(assessment, AssessmentTopic.Response, Audience.Patient);
        Assert.Contains(assessment.Options[0].ResponseRates[0], response);
    }

    [Fact]
    public void A_patient_who_asks_for_dosing_gets_it()
    {
        var assessment = AssessmentFixtures.Chronic();

        var dosing = reply.DetailsMarkdown(assessment, AssessmentTopic.Dosing, Audience.Patient);

        Assert.Contains(MarkdownText.Escape(assessment.Options[0].Dosing), dosing);
        Assert.StartsWith($"**{ReplyTexts.Default.FollowUp(AssessmentTopic.Dosing, Audience.Patient).Title}**", dosing);
    }

    [Fact]
    public void Patient_actions_use_plain_words()
    {
        var actions = reply.Render(AssessmentFixtures.Chronic(), Audience.Patient)[^1].SuggestedActions.Actions;

        Assert.Equal("Tell me about Romiplostim", (string)actions[0].Value);
        Assert.DoesNotContain(actions, a => a.Title.Contains("Dosing", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_options_the_reply_says_so_names_what_is_missing_and_offers_only_a_new_patient()
    {
        var messages = reply.Render(AssessmentFixtures.NoOptions(), Audience.Clinician);
        var markdown = messages[0].Text;

        Assert.Contains(ReplyTexts.Default.Labels.Clinician.NoOptions, markdown);
        Assert.Contains("**Would change the answer if known:** platelet count, current bleeding", markdown);
        Assert.Contains("Count and bleeding do not call for treatment now. [1]", markdown);
        Assert.Equal(["New patient"], messages[^1].SuggestedActions.Actions.Select(a => a.Title));
    }

    [Fact]
    public void Citation_ids_missing_from_the_references_are_not_numbered()
    {
        var assessment = AssessmentFixtures.NoOptions() with
        {
            Alerts = [new Alert(AlertCodes.TreatmentNotIndicated, "No treatment now.", ["nowhere", "ash-2019"])],
        };

        var markdown = reply.Markdown(assessment, Audience.Clinician);

        Assert.Contains("No treatment now. [1]", markdown);
        Assert.Single(ReplyInspection.ReferenceItems(markdown, "References"));
    }
}
