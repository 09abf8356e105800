namespace ItpBot.Dialogs.Understanding.Reading;

/// <summary>
/// Commands ("start over", "cancel this assessment") and statements of who is typing ("I'm a ward nurse", "I'm his
/// carer, not the patient") as a whole message: the lexicon's <c>command</c> phrases (commands.yaml). The grammar
/// is here: every word of the message belongs to phrases of one command meaning, or to courtesy and aside phrases
/// around it, so a command word inside a clinical sentence ("stopped eltrombopag", "cancel the splenectomy") is
/// never a command.
/// </summary>
internal sealed class CommandReader
{
    /// <summary>Words around a command that do not change it ("please", "ok", "can you").</summary>
    public const string Courtesy = "courtesy";

    /// <summary>What the writer is not, beside who they are ("not the patient"); never a command alone.</summary>
    public const string Aside = "aside";

    /// <summary>Every meaning commands.yaml may use, checked at start-up, with the command each stands for.</summary>
    public static readonly IReadOnlyDictionary<string, Command?> Meanings = new Dictionary<string, Command?>(StringComparer.Ordinal)
    {
        ["help"] = Command.Help,
        ["cancel"] = Command.Cancel,
        ["start-over"] = Command.StartOver,
        ["forget-me"] = Command.ForgetMe,
        ["patient"] = Command.SwitchToPatient,
        ["clinician"] = Command.SwitchToClinician,
        ["show-case"] = Command.ShowCase,
        ["change-answer"] = Command.ChangeAnswer,
        [Courtesy] = null,
        [Aside] = null,
    };

    /// <summary>A command is short; a longer message is something else that happens to hold command words.</summary>
    private const int MaxWords = 16;

    private readonly LexiconMatcher phrases;

    // "change my answer about her weight": the answer to change may be named by its field's words (fields.yaml).
    private readonly LexiconMatcher fields;

    public CommandReader(ReadingLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        phrases = new LexiconMatcher(lexicon.Category("command"));
        fields = new LexiconMatcher(lexicon.Category("field"));
    }

    public Command? Read(string normalized)
    {
        var tokens = MessageTokens.Read(normalized, MaxWords + 1);
        if (tokens.Count == 0 || tokens.Count > MaxWords)
        {
            return null;
        }

        var found = phrases.FindAll(tokens);
        var covered = 0;
        Command? command = null;
        foreach (var match in found)
        {
            covered += match.End - match.First;
            if (Meanings[match.Meaning.Meaning] is not { } meant)
            {
                continue;
            }

            if (command is { } other && other != meant)
            {
                return null;
            }

            command = meant;
        }

        if (command == Command.ChangeAnswer && covered < tokens.Count)
        {
            covered += FieldWordsAfter(tokens, found);
        }

        return covered == tokens.Count ? command : null;
    }

    /// <summary>
    /// "new patient: 44F, plt 21", "start again, this one's a man of 66": a message that opens with a whole start-over
    /// command, up to its first pause, and goes on to the next case. Only starting over is read so: other commands
    /// at the head of a longer message ("skip the weight, he's 80 kg") stay part of what follows.
    /// </summary>
    public Command? ReadOpening(string normalized)
    {
        var tokens = MessageTokens.Read(normalized, MaxWords + 1);
        var end = 1;
        while (end < tokens.Count && !tokens[end].CommaBefore && tokens.SameClause(0, end))
        {
            end++;
        }

        return end < tokens.Count && Read(tokens.Span(0, end)) is Command.StartOver ? Command.StartOver : null;
    }

    // Words outside the command phrases that name a field ("... about the spleen"), each counted once.
    private int FieldWordsAfter(MessageTokens tokens, List<LexiconMatch> found)
    {
        var free = new bool[tokens.Count];
        Array.Fill(free, true);
        foreach (var match in found)
        {
            Array.Fill(free, false, match.First, match.End - match.First);
        }

        var named = 0;
        foreach (var match in fields.FindAll(tokens))
        {
            // "about her weight": "her" may close the command phrase and open the field's.
            for (var i = match.First; i < match.End; i++)
            {
                if (free[i])
                {
                    free[i] = false;
                    named++;
                }
            }
        }

        return named;
    }
}
