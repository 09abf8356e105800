using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>Applies what a new message says onto what is already known.</summary>
public static class ProfileMerge
{
    /// <summary>
    /// Every value the update has wins; values it lacks are kept. Each field merges by its own rule, held once in
    /// its <see cref="FieldRegistry"/> entry (lists join without duplicates, a therapy named again takes its new outcome).
    /// </summary>
    public static PatientProfile Apply(this PatientProfile current, PatientProfile update) => FieldRegistry.Merge(current, update);
}
