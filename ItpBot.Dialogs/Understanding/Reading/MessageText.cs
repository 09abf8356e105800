namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// One message as the fact recognisers read it: the normal form, and what several of them need from it (words,
/// clauses, therapy mentions), each worked out once, on first use, and shared (the lexicon lookups share the message
/// reader's tokens through <see cref="LexiconTokens"/>). A recogniser handed this never normalises, tokenises or runs a model on the raw text again. Not
/// thread-safe: one per message, read on one thread.
/// </summary>
internal sealed class MessageText
{
    private IReadOnlyList<TextSpan>? clauses;
    private IReadOnlyList<(string Word, int Start)>? words;
    private (TherapyRecognizer By, IReadOnlyList<TherapyMention> Found)? therapies;

    private MessageText(string normalized) => Normalized = normalized;

    /// <summary>The text in <see cref="UnderstandingText"/>'s normal form.</summary>
    public string Normalized { get; }

    public static MessageText Of(string? text) => new(UnderstandingText.Normalize(text));

    /// <summary>A text already in normal form (normalising is idempotent, so this reads as <see cref="Of"/> would).</summary>
    public static MessageText OfNormalized(string normalized) => new(normalized);

    /// <summary><see cref="UnderstandingText.Clauses"/> of the text.</summary>
    public IReadOnlyList<TextSpan> Clauses => clauses ??= UnderstandingText.Clauses(Normalized);

    /// <summary><see cref="UnderstandingText.ClauseAt"/>, from the clauses already found.</summary>
    public TextSpan ClauseAt(int index)
    {
        foreach (var clause in Clauses)
        {
            if (clause.Contains(index))
            {
                return clause;
            }
        }

        return new TextSpan(0, Normalized.Length);
    }

    /// <summary><see cref="UnderstandingText.Words"/> of the text.</summary>
    public IReadOnlyList<(string Word, int Start)> Words => words ??= UnderstandingText.Words(Normalized);

    /// <summary>Every therapy or class the text names, in order (see <see cref="TherapyRecognizer.FindAll(string?)"/>).</summary>
    public IReadOnlyList<TherapyMention> Therapies(TherapyRecognizer recognizer)
    {
        if (therapies is { } found && ReferenceEquals(found.By, recognizer))
        {
            return found.Found;
        }

        var mentions = recognizer.FindAll(this);
        therapies = (recognizer, mentions);
        return mentions;
    }
}
