using ItpBot.Dialogs.Engine;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Conversation.Interruptions;

/// <summary>
/// Critical or severe bleeding, at any step: it wins over every pending question ("Please answer yes or no" never
/// answers a seizure). The case is restarted, and with such bleeding the flow goes straight to the emergency answer.
/// Who is speaking is taken from the same message first, so a patient or caregiver is told to get emergency care.
/// </summary>
public sealed class EmergencyInterruption(ConversationAccessors accessors) : ITurnInterruption
{
    public async Task<DialogTurnResult?> HandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        if (context.Meaning.Emergency is not { } grade)
        {
            return null;
        }

        if (context.Meaning.SwitchAudience is { } audience && (context.Meaning.AudienceStated || audience == Audience.Patient))
        {
            var settings = await accessors.GetSettingsAsync(context.Turn, cancellationToken);
            await accessors.SetSettingsAsync(context.Turn, settings with { Audience = audience, AudienceChosen = true }, cancellationToken);
        }

        var intake = context.Intake;
        var profile = context.Meaning.ApplyTo(intake.Profile) with { Bleeding = Worse(intake.Profile.Bleeding, grade) };
        await accessors.SetIntakeAsync(context.Turn, intake with { Profile = profile, CountOrAge = null }, cancellationToken);
        return await context.RestartFlowAsync(cancellationToken);
    }

    private static Bleeding Worse(Bleeding? current, Bleeding found) =>
        current is { } known && known > found ? known : found;
}
