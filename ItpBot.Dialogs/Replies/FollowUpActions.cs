using ItpBot.Knowledge.Model;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// The next questions a reader is likely to ask, as imBack suggested actions on a message of their own:
/// Teams drops suggested actions from a message that carries attachments.
/// </summary>
internal sealed class FollowUpActions(ReplyTexts texts, TherapyDisplayNames names)
{
    public IMessageActivity Create(Assessment assessment, Audience audience)
    {
        var templates = texts.Actions.For(audience);
        var actions = new List<CardAction>();
        var first = AssessmentMarkdown.FirstChoice(assessment);
        if (first is not null) actions.Add(ImBack(templates.Dosing, Name(first)));

        var whyNot = WhyNotCandidate(assessment, first);
        if (whyNot is not null) actions.Add(ImBack(templates.WhyNot, names.Name(whyNot)));

        var second = assessment.Options.FirstOrDefault(option => !ReferenceEquals(option, first));
        if (first is not null && second is not null && second.Therapy != first.Therapy)
        {
            actions.Add(ImBack(templates.Compare, Name(first), Name(second)));
        }

        actions.Add(ImBack(templates.NewPatient));
        var message = MessageFactory.SuggestedActions(actions, texts.ActionsPrompt.For(audience), ssml: null, inputHint: InputHints.ExpectingInput, toList: null);
        // Omitted rather than empty, so no channel sees an attachments property at all.
        message.Attachments = null;
        return message;
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
