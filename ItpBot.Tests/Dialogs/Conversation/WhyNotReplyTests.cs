using ItpBot.Dialogs.Conversation;
using ItpBot.Knowledge.Model;
using ItpBot.Tests.Dialogs.Replies;

namespace ItpBot.Tests.Dialogs.Conversation;

public sealed class WhyNotReplyTests
{
    private readonly WhyNotReply _reply = new(AssessmentFixtures.Lexicon(), ConversationTexts.Default);

    [Fact]
    public void An_avoided_therapy_is_explained_by_its_reason_with_numbered_citations()
    {
        var text = _reply.Render(TherapyIds.Prednisone, AssessmentFixtures.Chronic(), Audience.Clinician).Text;

        Assert.Contains("Already corticosteroid-dependent", text);
        Assert.Contains("[1]", text);
        Assert.Contains("**References:**", text);
    }

    [Fact]
    public void A_ranked_option_gives_its_reasons_without_the_rule_names_the_api_keeps()
    {
        var assessment = AssessmentFixtures.Chronic();
        var ranked = assessment.Options[1] with { Rationale = ["treatment-line: Second line after corticosteroid dependence."] };
        assessment = assessment with { Options = [assessment.Options[0], ranked, .. assessment.Options.Skip(2)] };

        var text = _reply.Render(ranked.Therapy, assessment, Audience.Clinician).Text;

        Assert.Contains("Second line after corticosteroid dependence.", text);
        Assert.DoesNotContain("treatment-line:", text);
    }

    [Fact]
    public void A_therapy_not_in_the_plan_is_said_to_be_absent()
    {
        var text = _reply.Render(TherapyIds.Danazol, AssessmentFixtures.Chronic(), Audience.Clinician).Text;

        Assert.Contains("not among the options", text);
    }
}
