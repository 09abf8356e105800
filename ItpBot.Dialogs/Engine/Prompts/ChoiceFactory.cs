using Microsoft.Bot.Schema;

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
            : CopyOf(prompt);

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

    // Object.MemberwiseClone, callable from here: every prompt sent is a copy of its stored activity.
    private static readonly Func<object, object> ShallowCopy = typeof(object)
        .GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
        .CreateDelegate<Func<object, object>>();

    /// <summary>
    /// A copy of the activity whose own fields and lists can be changed without touching the original (the adapter
    /// and the Teams middleware set fields and replace lists on what is sent). Items in the lists are shared: nothing
    /// on the way out changes an attachment, entity or action in place.
    /// </summary>
    internal static Activity CopyOf(Activity prompt)
    {
        var copy = (Activity)ShallowCopy(prompt);
        copy.Attachments = prompt.Attachments is null ? null : [.. prompt.Attachments];
        copy.Entities = prompt.Entities is null ? null : [.. prompt.Entities];
        copy.MembersAdded = prompt.MembersAdded is null ? null : [.. prompt.MembersAdded];
        copy.MembersRemoved = prompt.MembersRemoved is null ? null : [.. prompt.MembersRemoved];
        copy.ReactionsAdded = prompt.ReactionsAdded is null ? null : [.. prompt.ReactionsAdded];
        copy.ReactionsRemoved = prompt.ReactionsRemoved is null ? null : [.. prompt.ReactionsRemoved];
        copy.SuggestedActions = prompt.SuggestedActions is null ? null
            : new SuggestedActions(prompt.SuggestedActions.To is null ? null : [.. prompt.SuggestedActions.To],
                prompt.SuggestedActions.Actions is null ? null : [.. prompt.SuggestedActions.Actions]);
        copy.Properties = (Newtonsoft.Json.Linq.JObject?)prompt.Properties?.DeepClone() ?? new Newtonsoft.Json.Linq.JObject();
        return copy;
    }

    private static CardAction ToAction(Choice choice) =>
        choice.Action ?? new CardAction(ActionTypes.ImBack, title: choice.Value, value: choice.Value);
}
