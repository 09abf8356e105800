using ItpBot.Knowledge.Model;
using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Replies;

/// <summary>The medical disclaimer, worded for clinicians or for patients and caregivers.</summary>
public static class Disclaimer
{
    public static string Text(Audience audience) => ReplyTexts.Default.Disclaimer.For(audience);

    /// <summary>The disclaimer on its own, e.g. right after the user says who they are.</summary>
    public static IMessageActivity Message(Audience audience) => MarkdownMessage.Create(Markdown(audience));

    internal static string Markdown(Audience audience) =>
        $"**{MarkdownText.Escape(ReplyTexts.Default.DisclaimerLabel)}** _{MarkdownText.Escape(Text(audience))}_";
}
