using System.Text.RegularExpressions;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Yes or no in the usual variants ("yep", "nope", "not really", "none"); null for anything else.</summary>
public sealed partial class YesNoRecognizer
{
    public bool? Recognize(string? text)
    {
        var normalized = Punctuation().Replace(UnderstandingText.Normalize(text), " ").Trim();
        normalized = Spaces().Replace(normalized, " ");
        if (Yes().IsMatch(normalized))
        {
            return true;
        }

        if (No().IsMatch(normalized))
        {
            return false;
        }

        // "yes, 28 weeks", "no, never had it": a clear yes or no first, then detail that does not take it back.
        if (LeadingAnswer().Match(normalized) is { Success: true } leading && !Hedge().IsMatch(leading.Groups["rest"].Value))
        {
            return leading.Groups["yes"].Success;
        }

        return null;
    }

    [GeneratedRegex(@"^(?:(?<yes>yes|yeah|yep|yup|correct|affirmative)|(?<no>no|nope|nah|negative))\s+(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingAnswer();

    [GeneratedRegex(@"\b(?:yes|yeah|no|not|but|maybe|perhaps|unsure|sure|idea|know|problem|worries|or|unclear|think|possibly|probably)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hedge();

    private const string Subject = @"(?:she|he|they|i|it|we|you|that|there)";
    private const string Courtesy = @"(?: (?:please|thanks|thank you|indeed|doctor|dr|mate))*";

    [GeneratedRegex(
        @"^(?:yes|y|ya|yah|yeah|yea|yep|yup|yess+|sure|correct|affirmative|absolutely|definitely|certainly|of course|indeed|true|" +
        @"that's (?:right|correct)|that is (?:right|correct)|right|" + Subject + @" (?:is|has|does|did|was|am|are|have|do))" +
        @"(?: (?:yes|correct|indeed|definitely|absolutely|" + Subject + @" (?:is|has|does|did|was|am|are|have|do)))*" + Courtesy + "$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Yes();

    [GeneratedRegex(
        @"^(?:no|n|nope|nah|na|naw|nay|not really|not at all|none|nil|nothing|negative|never|no way|false|incorrect|" +
        @"(?:i )?don't think so|not that i know(?: of)?|not as far as i know|" + Subject + @" (?:isn't|hasn't|doesn't|didn't|wasn't|aren't|haven't|don't|is not|has not|does not|did not|am not))" +
        @"(?: (?:no|not|never|none|" + Subject + @" (?:isn't|hasn't|doesn't|didn't|wasn't|aren't|haven't|don't|is not|has not|does not|did not|am not)))*" + Courtesy + "$",
        RegexOptions.CultureInvariant)]
    private static partial Regex No();

    [GeneratedRegex(@"[^\p{L}\p{N}' ]", RegexOptions.CultureInvariant)]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
