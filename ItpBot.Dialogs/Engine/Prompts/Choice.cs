using Microsoft.Bot.Schema;

namespace ItpBot.Dialogs.Engine.Prompts;

/// <summary>One option of a choice prompt: its value, other words that mean it, and optionally its own button.</summary>
public class Choice
{
    public Choice()
    {
    }

    public Choice(string value)
    {
        Value = value;
    }

    public string Value { get; set; } = string.Empty;

    public IList<string>? Synonyms { get; set; }

    /// <summary>The button to show instead of the default imBack of <see cref="Value"/>.</summary>
    public CardAction? Action { get; set; }
}

/// <summary>A choice the user's answer was matched to. <see cref="Score"/> is 1 for an exact match, lower for a fuzzy one.</summary>
public sealed record FoundChoice(string Value, int Index, double Score, string? Synonym = null);
