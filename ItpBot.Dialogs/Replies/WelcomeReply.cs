using ItpBot.Knowledge.Model;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// The first message: who ItpBot is, what it does, the disclaimer and how to start. While the audience is not
/// known it asks once, with the suggested actions "I'm a clinician" / "I'm a patient or caregiver".
/// </summary>
public static class WelcomeReply
{
    /// <param name="audience">Null when not yet known: the message then asks for it.</param>
    public static IMessageActivity Create(Audience? audience = null)
    {
        var welcome = ReplyTexts.Default.Welcome;
        var blocks = new List<string?>
        {
            $"**{MarkdownText.Escape(welcome.Greeting)}** {MarkdownText.Escape(welcome.WhoIAm)}",
            MarkdownBlocks.Bullets(welcome.WhatIDoLabel, welcome.WhatIDo),
            Disclaimer.Markdown(audience ?? Audience.Clinician),
            MarkdownText.Escape(welcome.HowToStart),
        };
        if (audience is null) blocks.Add($"**{MarkdownText.Escape(welcome.AskAudience)}**");

        var message = MarkdownMessage.Create(MarkdownBlocks.Join(blocks));
        if (audience is null)
        {
            message.SuggestedActions = new SuggestedActions
            {
                Actions =
                [
                    ImBack(welcome.ClinicianAction),
                    ImBack(welcome.PatientAction),
                ],
            };
            message.InputHint = InputHints.ExpectingInput;
        }
        return message;
    }

    /// <summary>Recognises the reply to the audience question (the value of either suggested action).</summary>
    public static Audience? AudienceFrom(string? text)
    {
        var welcome = ReplyTexts.Default.Welcome;
        var answer = text?.Trim();
        if (string.Equals(answer, welcome.ClinicianAction.Value, StringComparison.OrdinalIgnoreCase)) return Audience.Clinician;
        if (string.Equals(answer, welcome.PatientAction.Value, StringComparison.OrdinalIgnoreCase)) return Audience.Patient;
        return null;
    }

    private static CardAction ImBack(ActionText action) =>
        new() { Type = ActionTypes.ImBack, Title = action.Title, Value = action.Value };
}
