using ItpBot.Dialogs.Engine;
using ItpBot.Dialogs.Replies;

namespace ItpBot.Dialogs.Conversation.Interruptions;

/// <summary>
/// A question, at any step, is answered (or honestly called not covered) and the pending question is then asked
/// again: a question is never swallowed by a prompt.
/// </summary>
public sealed class QuestionInterruption(ConversationAccessors accessors, ConversationReplies replies, OpenQuestionReply openQuestions) : ITurnInterruption
{
    // After an assessment, "what to avoid" or "any interactions?" asks for a detail of the case just shown: the
    // follow-up dialog answers those from that case, so they are not answered here as general questions.
    private static readonly FollowUpRequests CaseDetails = new();

    public async Task<DialogTurnResult?> HandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var meaning = context.Meaning;
        if (meaning.Question is null && meaning.WhyNot is null && meaning.OpenQuestion is null)
        {
            return null;
        }

        if (context.AfterAssessment && CaseDetails.Read(context.Turn.Activity.Text) is not null)
        {
            return null;
        }

        // "28 weeks pregnant with plt 35 - which treatments are safe?": the facts before (or after) the question are
        // noted first, so the answer and the rest of the intake both know them.
        var intake = await NoteFactsAsync(context, cancellationToken);

        // A question read as a kind the content has no answer for is an open question: the case or the content may
        // still answer it, and only then is it called not covered.
        var open = meaning.OpenQuestion;
        if (open is null && !await replies.SendAnswerAsync(context.Turn, meaning, intake.Profile, cancellationToken))
        {
            open = context.Turn.Activity.Text.Trim();
        }

        if (open is not null)
        {
            var settings = await accessors.GetSettingsAsync(context.Turn, cancellationToken);
            var answer = openQuestions.Render(open, intake.Profile, Addressee.Of(settings, intake), context.AfterAssessment);
            if (answer.KeepForPlan)
            {
                var profile = intake.Profile with { Question = open };
                await accessors.SetIntakeAsync(context.Turn, intake with { Profile = profile }, cancellationToken);
            }

            await context.Turn.SendActivityAsync(answer.Reply, cancellationToken);
        }

        // After an audience switch the pending question is asked again in the new voice; after new facts the intake
        // asks only what is still missing (a confirmed case is assessed again, as after a correction).
        return !ReferenceEquals(intake, context.Intake) || context.Acted && !context.AfterAssessment
            ? await context.RestartFlowAsync(cancellationToken)
            : await context.ResumeAsync(cancellationToken);
    }

    private async Task<IntakeState> NoteFactsAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var meaning = context.Meaning;
        // "what dose of romiplostim for a 95kg man?": what the question tells fills what the case does not know yet,
        // and is noted like any fact (never replacing one already given).
        var stated = meaning.FactFields.Where(f => f != IntakeField.Question)
            .Concat(meaning.FilledByQuestion(context.Intake.Profile)).Distinct().ToList();
        if (stated.Count == 0)
        {
            return context.Intake;
        }

        var noted = context.Intake with { Profile = meaning.ApplyTo(context.Intake.Profile) with { Question = context.Intake.Profile.Question }, CountOrAge = null };
        await accessors.SetIntakeAsync(context.Turn, noted, cancellationToken);
        await context.Turn.SendActivityAsync(await replies.NotedAsync(context.Turn, noted.Profile, stated, cancellationToken), cancellationToken);
        return noted;
    }
}
