using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Replies;

/// <summary>
/// Reads a short message after the assessment as a request for one of its details ("alternatives?", "show me the
/// references", a tapped suggested action). Only whole requests count: the phrase, give or take polite filler
/// words, is the whole message, so a sentence that merely mentions "avoid" or "now" is left to the other readers.
/// </summary>
public sealed partial class FollowUpRequests
{
    private const int MaxWords = 8;

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "a", "about", "all", "an", "and", "any", "are", "can", "case", "could", "for", "give", "i", "is", "list", "me",
        "more", "of", "on", "patient", "please", "see", "show", "tell", "the", "them", "there", "this", "what", "whats",
        "you",
    };

    private readonly Dictionary<string, AssessmentTopic> requests = new(StringComparer.Ordinal);

    public FollowUpRequests() : this(ReplyTexts.Default)
    {
    }

    internal FollowUpRequests(ReplyTexts texts)
    {
        foreach (var topic in Enum.GetValues<AssessmentTopic>())
        {
            var phrases = texts.FollowUpPhrasesOf(topic)
                .Concat([texts.FollowUp(topic, Knowledge.Model.Audience.Clinician).Value, texts.FollowUp(topic, Knowledge.Model.Audience.Patient).Value]);
            foreach (var phrase in phrases)
            {
                var key = Normalise(phrase);
                if (key.Length == 0) throw new InvalidOperationException($"Follow-up phrase '{phrase}' ({topic}) is only filler words.");
                if (requests.TryGetValue(key, out var other) && other != topic)
                    throw new InvalidOperationException($"Follow-up phrase '{phrase}' asks for both {other} and {topic}.");
                requests[key] = topic;
            }
        }
    }

    /// <summary>The detail the message asks for, or null when it asks for none.</summary>
    public AssessmentTopic? Read(string? message)
    {
        if (string.IsNullOrWhiteSpace(message) || message.Length > 120) return null;
        var key = Normalise(message);
        if (key.Length == 0 || key.Count(c => c == ' ') >= MaxWords) return null;
        return requests.TryGetValue(key, out var topic) ? topic : null;
    }

    private static string Normalise(string text) =>
        string.Join(' ', NonWord().Split(text.ToLowerInvariant()).Where(word => word.Length > 0 && !Fillers.Contains(word)));

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
