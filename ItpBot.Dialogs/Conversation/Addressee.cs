using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Conversation;

/// <summary>
/// Whom the bot is talking to, and about whom: a clinician gets the clinical third person ("the patient"), a patient
/// "you", and a caregiver (or anyone writing about someone else) the third person in plain words, with the pronoun
/// of the sex when it is known ("How much does she weigh?"). The one place that decides how a question addresses its
/// reader; every text picks its wording from here.
/// </summary>
/// <param name="Audience">Clinician detail or plain words.</param>
/// <param name="AboutSomeoneElse">The writer is not the patient ("my dad has ITP").</param>
/// <param name="Sex">The patient's sex, when known: the pronoun.</param>
public sealed record Addressee(Audience Audience, bool AboutSomeoneElse = false, Sex? Sex = null)
{
    public static implicit operator Addressee(Audience audience) => new(audience);

    /// <summary>Plain words about someone else: the caregiver texts, in the third person.</summary>
    public bool IsCaregiver => Audience == Audience.Patient && AboutSomeoneElse;

    /// <summary>The addressee of this conversation's questions now.</summary>
    public static Addressee Of(UserSettings settings, IntakeState intake)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(intake);
        return new(settings.Audience, intake.AboutSomeoneElse, intake.Profile.Sex);
    }
}
