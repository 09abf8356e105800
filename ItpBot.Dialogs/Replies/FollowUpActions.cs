using ItpBot.Knowledge.Model;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// The next questions a reader is likely to ask, as imBack suggested actions: the first choice's dosing, the details
/// the opening left out (alternatives, safety steps, interactions), why not another option, a comparison, a new
/// patient. After an assessment they travel on a message of their own: Teams drops suggested actions from a message
/// that carries attachments.
/// </summary>
internal sealed class FollowUpActions(ReplyTexts texts, TherapyDisplayNames names)
{
    // The details worth a button; the rest are named in the opening's "more on request" line and can be typed.
    internal static readonly AssessmentTopic[] Offered = [AssessmentTopic.Alternatives, AssessmentTopic.Safety, AssessmentTopic.Interactions];

    public IMessageActivity Create(Assessment assessment, Audience audience)
    {
        var message = MessageFactory.SuggestedActions(Actions(assessment, audience, shown: null), texts.ActionsPrompt.For(audience),
            ssml: null, inputHint: InputHints.ExpectingInput, toList: null);
        // Omitted rather than empty, so no channel sees an attachments property at all.
        message.Attachments = null;
        return message;
    }

    /// <param name="shown">The detail just given, which is not offered again.</param>
    public List<CardAction> Actions(Assessment assessment, Audience audience, AssessmentTopic? shown)
    {
        var templates = texts.Actions.For(audience);
        var actions = new List<CardAction>();
        var first = AssessmentParts.FirstChoice(assessment);
        if (first is not null) actions.Add(ImBack(templates.Dosing, Name(first)));

        foreach (var topic in Offered.Where(topic => topic != shown && AssessmentParts.HasContent(assessment, topic)))
        {
            var action = texts.FollowUp(topic, audience);
            actions.Add(new CardAction { Type = ActionTypes.ImBack, Title = action.Title, Value = action.Value });
        }

        var whyNot = WhyNotCandidate(assessment, first);
        if (whyNot is not null) actions.Add(ImBack(templates.WhyNot, names.Name(whyNot)));

        var second = assessment.Options.FirstOrDefault(option => !ReferenceEquals(option, first));
        if (first is not null && second is not null && second.Therapy != first.Therapy)
        {
            actions.Add(ImBack(templates.Compare, Name(first), Name(second)));
        }

        actions.Add(ImBack(templates.NewPatient));
        return actions;
    }

    private string Name(TreatmentOption option) => names.Name(option.Therapy);

    /// <summary>What the reader may have expected to see first: an avoided therapy, else the lowest-ranked option.</summary>
    private static string? WhyNotCandidate(Assessment assessment, TreatmentOption? first)
    {
        var avoided = assessment.Avoid.FirstOrDefault();
        if (avoided is not null) return avoided.Therapy;
        return assessment.Options.Where(option => !ReferenceEquals(option, first) && option.Therapy != first?.Therapy)
            .OrderByDescending(option => option.Rank).FirstOrDefault()?.Therapy;
    }

    private static CardAction ImBack(ActionText template, params object[] therapyNames)
    {
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Title, therapyNames);
        var value = string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Value, therapyNames);
        return new CardAction { Type = ActionTypes.ImBack, Title = title, Value = value };
    }
}
