using ItpBot.Dialogs.Replies;
using ItpBot.Knowledge.Model;

namespace ItpBot.Tests.Dialogs.Replies;

public class FollowUpRequestsTests
{
    private readonly FollowUpRequests requests = new();

    [Theory]
    [InlineData("Alternatives", AssessmentTopic.Alternatives)]
    [InlineData("what are the alternatives?", AssessmentTopic.Alternatives)]
    [InlineData("Other options", AssessmentTopic.Alternatives)]
    [InlineData("SAFETY STEPS", AssessmentTopic.Safety)]
    [InlineData("cautions?", AssessmentTopic.Safety)]
    [InlineData("Staying safe", AssessmentTopic.Safety)]
    [InlineData("any drug interactions?", AssessmentTopic.Interactions)]
    [InlineData("My other medicines", AssessmentTopic.Interactions)]
    [InlineData("what to avoid", AssessmentTopic.Avoid)]
    [InlineData("contraindications", AssessmentTopic.Avoid)]
    [InlineData("show me the references", AssessmentTopic.References)]
    [InlineData("Sources", AssessmentTopic.References)]
    [InlineData("all dosing", AssessmentTopic.Dosing)]
    [InlineData("How they are given", AssessmentTopic.Dosing)]
    [InlineData("response rates", AssessmentTopic.Response)]
    [InlineData("Today in full", AssessmentTopic.Today)]
    [InlineData("what to do now?", AssessmentTopic.Today)]
    [InlineData("decisions", AssessmentTopic.Decisions)]
    public void Reads_a_request_for_a_detail_however_it_is_put(string message, AssessmentTopic topic)
    {
        Assert.Equal(topic, requests.Read(message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("more")]
    [InlineData("she wants to avoid injections")]
    [InlineData("dosing of romiplostim")]
    [InlineData("why not rituximab?")]
    [InlineData("what about the references that the guideline uses for splenectomy in older patients")]
    public void Leaves_other_messages_to_the_other_readers(string message)
    {
        Assert.Null(requests.Read(message));
    }

    [Fact]
    public void Every_suggested_action_is_read_back_as_its_own_topic_in_both_voices()
    {
        foreach (var topic in Enum.GetValues<AssessmentTopic>())
        {
            foreach (var audience in new[] { Audience.Clinician, Audience.Patient })
            {
                Assert.Equal(topic, requests.Read(ReplyTexts.Default.FollowUp(topic, audience).Value));
            }
        }
    }

    [Fact]
    public void A_topic_without_its_action_fails_at_start_up_by_name()
    {
        var texts = ReplyTexts.Default with
        {
            FollowUpPhrases = ReplyTexts.Default.FollowUpPhrases.Where(p => p.Key != "safety").ToDictionary(p => p.Key, p => p.Value),
        };

        var error = Assert.Throws<InvalidOperationException>(texts.Validate);
        Assert.Contains("'safety'", error.Message);
    }
}
