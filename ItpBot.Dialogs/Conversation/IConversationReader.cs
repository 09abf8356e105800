using ItpBot.Knowledge.Model;
using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// The conversation's recogniser: what this turn's message means, with the pending question in mind. One interface,
/// so dialog tests can put a mock in its place (CoreBot's mocked recogniser) and read like transcripts.
/// </summary>
public interface IConversationReader
{
    /// <summary>Everything the message may mean, for the interruption handlers, read once per turn.</summary>
    MessageMeaning Read(ITurnContext turn, IntakeField? pending);

    /// <summary>The message as the answer to <paramref name="pending"/>, plus whatever else it says about the patient.</summary>
    MessageMeaning ReadAnswer(ITurnContext turn, IntakeField pending);

    /// <summary>
    /// The message as the reply to a question group asking <paramref name="asked"/> ("Is she pregnant, or planning a
    /// pregnancy?"): each field read by its own words, a bare "no" by the group's rule, plus whatever else it says.
    /// </summary>
    MessageMeaning ReadGroupAnswer(ITurnContext turn, IReadOnlyList<IntakeField> asked);

    /// <summary>A prior-treatments answer that leaves therapies to ask about; null if none.</summary>
    PartialPriorTreatments? ReadPartialPriorTreatments(ITurnContext turn);

    /// <summary>The answer to "How did X go?" or "Which TPO-RA was it?"; null when it adds nothing.</summary>
    OpenTreatment? ReadOpenTreatment(ITurnContext turn, OpenTreatment open);

    /// <summary>The answer to "Is 52 the platelet count or the age?"; null if it says neither.</summary>
    PatientProfile? ReadCountOrAge(ITurnContext turn, int number);

    /// <summary>"don't know", "skip", "I don't know her weight": the way out of any question.</summary>
    bool SaysNotKnown(ITurnContext turn);
}
