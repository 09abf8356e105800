using ItpBot.Dialogs.Engine;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Conversation.Interruptions;

/// <summary>
/// Who is speaking: "I'm a patient", "I'm a clinician", or a caregiver's "my mum has ITP". The voice changes before
/// anything else in the message is answered, so a question in the same message gets the new voice (plain words and
/// no prescriber dosing for a patient or caregiver).
/// </summary>
public sealed class AudienceInterruption(ConversationAccessors accessors, ConversationReplies replies) : ITurnInterruption
{
    public async Task<DialogTurnResult?> HandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        if (context.Meaning.SwitchAudience is not { } audience)
        {
            return null;
        }

        var settings = await accessors.GetSettingsAsync(context.Turn, cancellationToken);
        // How a summary is written only opens a case: it never overrides a choice, nor a voice the case began in.
        if (context.Meaning.AudienceGuessed && (settings.AudienceChosen || Fields.FieldRegistry.Known(context.Intake.Profile).Any()))
        {
            return null;
        }

        // A cue only ever moves towards plain words: "plt 20" from someone who said they are a patient is no
        // prescriber, and a cue for the voice already in use changes nothing (the message goes on to the others).
        if (!context.Meaning.AudienceStated && (settings.Audience == audience || audience == Audience.Clinician))
        {
            return null;
        }

        var changed = settings.Audience != audience || !settings.AudienceChosen;
        await accessors.SetSettingsAsync(context.Turn, settings with { Audience = audience, AudienceChosen = true }, cancellationToken);
        if (changed)
        {
            var intake = context.Intake;
            await context.Turn.SendActivityAsync(replies.AudienceChanged(new Addressee(audience, intake.AboutSomeoneElse, intake.Profile.Sex)), cancellationToken);
        }

        if (context.Meaning.SaysMoreThanAudience)
        {
            // The rest of the message (a question, a command, facts) is for the handlers after this one.
            context.Acted = true;
            return null;
        }

        // A prompt repeats the words it started with; restarting the flow asks the pending question (or shows the
        // case) again in the new voice. After the assessment there is nothing to ask: wait.
        return context.AfterAssessment ? Dialog.EndOfTurn : await context.RestartFlowAsync(cancellationToken);
    }
}
