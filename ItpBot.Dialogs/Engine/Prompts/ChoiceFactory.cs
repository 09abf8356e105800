using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ItpBot.Dialogs.Engine.Prompts;

public static class ChoiceFactory
{
    public static IList<Choice> ToChoices(IEnumerable<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => new Choice(v)).ToList();

    /// <summary>
    /// A copy of <paramref name="prompt"/> with <paramref name="choices"/> shown in <paramref name="style"/> and
    /// <paramref name="extraButtons"/> always as suggested actions; null when there is nothing to send.
    /// </summary>
    internal static Activity? Render(Activity? prompt, IEnumerable<Choice>? choices, ListStyle style, IEnumerable<Choice>? extraButtons = null)
    {
        var choiceList = choices?.ToList() ?? [];
        var extraList = extraButtons?.ToList() ?? [];
        if (prompt is null && choiceList.Count == 0 && extraList.Count == 0)
        {
            return null;
        }

        // A copy, because the stored prompt must stay as the caller wrote it for the next retry.
        var activity = prompt is null
            ? (Activity)Microsoft.Bot.Builder.MessageFactory.Text(string.Empty)
            : JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(prompt))!;

        var buttons = new List<CardAction>();
        switch (style)
        {
            case ListStyle.SuggestedAction:
                buttons.AddRange(choiceList.Select(ToAction));
                break;
            case ListStyle.List when choiceList.Count > 0:
                var lines = choiceList.Select((c, i) => $"{i + 1}. {c.Value}");
                activity.Text = string.IsNullOrEmpty(activity.Text)
                    ? string.Join("\n", lines)
                    : $"{activity.Text}\n\n{string.Join("\n", lines)}";
                break;
        }

        buttons.AddRange(extraList.Select(ToAction));
        if (buttons.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions { Actions = buttons };
        }

        activity.InputHint ??= InputHints.ExpectingInput;
        return activity;
    }

    private static CardAction ToAction(Choice choice) =>
        choice.Action ?? new CardAction(ActionTypes.ImBack, title: choice.Value, value: choice.Value);
}
