using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Dialogs.Engine;
using ItpBot.Knowledge.Model;
using Microsoft.Bot.Builder;

namespace ItpBot.Dialogs.Conversation.Interruptions;

/// <summary>
/// Facts beyond the pending question (a case summary, "platelets are actually 25", a lone "52" before any question):
/// noted, and the flow restarted so that only what is still missing is asked (a confirmed case is re-assessed). A
/// question the reply leaves unanswered keeps its own prompt, so its attempts are counted.
/// </summary>
public sealed class CorrectionInterruption(ConversationAccessors accessors, IConversationReader reader, ConversationReplies replies) : ITurnInterruption
{
    public async Task<DialogTurnResult?> HandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var (turn, intake, meaning) = (context.Turn, context.Intake, context.Meaning);
        if (meaning.CountOrAge is { } number)
        {
            // "52" before any question: as likely the age as the count. Asked, not guessed.
            await accessors.SetIntakeAsync(turn, intake with { CountOrAge = number }, cancellationToken);
            return await context.RestartFlowAsync(cancellationToken);
        }

        // Facts the case already holds, said again ("she" in a carer's every answer gives her sex), are not beyond the
        // question: the answer is the pending prompt's to read, with all it knows of a group's answer ("not sure
        // what's available" passes that half).
        var restated = meaning.ApplyTo(intake.Profile);
        if (meaning.FactFields.All(f => intake.Asks(f) || intake.Pending is not null && Unchanged(intake.Profile, restated, f)))
        {
            return null;
        }

        // A reply that only says again what the case holds ("spleen out in 2016" to "which treatments so far?", the
        // splenectomy already noted) is the pending question's to read: noted and restarted, the same question would
        // come back for ever, never counted as not understood.
        if (intake.Pending is not null && meaning.Corrections.Count == 0 && !intake.PendingFields().Any(meaning.FactFields.Contains)
            && SaysNothingNew(intake.Profile, meaning))
        {
            return null;
        }

        // The reply may answer the question asked as well ("neither, coil in situ and no plans"): the answer is taken
        // with the other facts, or the same question would come back after "Noted".
        meaning = WithPendingAnswer(turn, intake, meaning);

        // New facts replace an unanswered "count or age?" ("age 52", "plt 45", a whole case).
        var answered = intake.PendingFields().Where(meaning.FactFields.Contains).ToList();
        var noted = WithOpenTreatments(turn, intake, intake with
        {
            Profile = meaning.ApplyTo(intake.Profile),
            CountOrAge = null,
            LastAnswered = answered,
            LastAnswer = answered.Count > 0 ? IntakeState.Stored(meaning.Facts) : null,
        });
        await accessors.SetIntakeAsync(turn, noted, cancellationToken);
        // Only what the message changed is shown: "she is small, maybe 50 kg" notes the weight, not again her sex.
        var changed = meaning.FactFields.Where(f => !Unchanged(intake.Profile, noted.Profile, f)).ToList();
        if (changed.Count > 0)
        {
            await turn.SendActivityAsync(await replies.NotedAsync(turn, noted.Profile, changed, cancellationToken), cancellationToken);
        }

        // A question still open that the reply did not answer ("it worked, but then I got the clot" to "How did
        // eltrombopag go?") is left to its own prompt: it reads the outcome if there is one, or puts its retry with the
        // attempt counted, so a reply that gives other facts cannot bring the same question back for ever.
        // A group question's prompt sends no retry once "Noted" (or a change of voice) has been said this turn: asked
        // again from the flow, the question is not left unseen.
        return LeavesQuestionOpen(intake, noted, meaning) && (intake.OpenTreatments.Count > 0 || changed.Count == 0 && !context.Acted)
            ? null
            : await context.RestartFlowAsync(cancellationToken);
    }

    private static bool SaysNothingNew(PatientProfile before, MessageMeaning meaning)
    {
        var after = meaning.ApplyTo(before);
        return meaning.FactFields.Count > 0 && meaning.FactFields.All(f => Unchanged(before, after, f));
    }

    /// <summary>The field was known before and reads the same after the message.</summary>
    private static bool Unchanged(PatientProfile before, PatientProfile after, IntakeField id) =>
        FieldRegistry.All.FirstOrDefault(x => x.Id == id) is { } field
        && field.IsKnown(before) && field.Show(after, Verbatim) == field.Show(before, Verbatim);

    private static string Verbatim(string id) => id;

    private static bool LeavesQuestionOpen(IntakeState before, IntakeState noted, MessageMeaning meaning) =>
        before.OpenTreatments.Count > 0 && noted.OpenTreatments.Count > 0
            ? noted.OpenTreatments[0].Therapy == before.OpenTreatments[0].Therapy && noted.OpenTreatments[0].ClassName == before.OpenTreatments[0].ClassName
            : before.PendingFields() is { Count: > 1 } asked && !asked.Any(meaning.FactFields.Contains);

    private MessageMeaning WithPendingAnswer(ITurnContext turn, IntakeState intake, MessageMeaning meaning)
    {
        // The turn's meaning reads the reply against the first field asked; a group's reading may answer more of it.
        var asked = intake.PendingFields();
        if (asked.Count == 0)
        {
            return meaning;
        }

        var answer = asked.Count == 1 ? reader.ReadAnswer(turn, asked[0]) : reader.ReadGroupAnswer(turn, asked);
        return answer.FactFields.Count(asked.Contains) > meaning.FactFields.Count(asked.Contains)
            && meaning.FactFields.All(answer.FactFields.Contains) ? answer : meaning;
    }

    /// <summary>
    /// A case summary that names therapies without saying how they went ("... had eltrombopag and steroids"): they
    /// are kept to ask about, as at the prior-treatments question, rather than dropped. Only while no prior
    /// treatments are known, so a later message cannot reopen a history already taken.
    /// </summary>
    private IntakeState WithOpenTreatments(ITurnContext turn, IntakeState before, IntakeState after)
    {
        if (before.Profile.PriorTreatments is not null || before.OpenTreatments.Count > 0
            || reader.ReadPartialPriorTreatments(turn) is not { } partial)
        {
            return after;
        }

        var known = after.Profile.PriorTreatments is { Count: > 0 } read ? read : partial.Known.Count > 0 ? partial.Known : null;
        return after with { Profile = after.Profile with { PriorTreatments = known }, OpenTreatments = partial.Open };
    }
}
