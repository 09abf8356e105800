using System.Text.Json;
using System.Text.Json.Nodes;
using ItpBot.Dialogs.Conversation.Fields;
using ItpBot.Knowledge.Model;

namespace ItpBot.Dialogs.Understanding;

/// <summary>
/// One field set right by name ("platelets are actually 25"). <paramref name="Field"/> is the contract name (see
/// <see cref="ProfileFields"/>); <paramref name="Value"/> has the field's type (for lists: the items named).
/// </summary>
/// <param name="Remove">For lists: the items are to be taken out ("stopped warfarin", "no diabetes after all").</param>
public sealed record ProfileCorrection(string Field, object Value, bool Remove = false)
{
    /// <summary>
    /// The profile with this field replaced (scalars) or the items added or removed (lists), by the field's own rules
    /// in its <see cref="FieldRegistry"/> entry, so a correction keeps every other field as it was.
    /// </summary>
    public PatientProfile ApplyTo(PatientProfile profile) => FieldRegistry.Correct(profile, this);

    /// <summary>
    /// A profile holding only this correction's value. Written through the contract's own JSON names and converters,
    /// so no field needs a line of its own here.
    /// </summary>
    public PatientProfile AsUpdate()
    {
        var json = new JsonObject { [Field] = JsonSerializer.SerializeToNode(Value, Value.GetType(), ContractJson.Options) };
        return json.Deserialize<PatientProfile>(ContractJson.Options)
            ?? throw new InvalidOperationException($"Profile field '{Field}' could not be set.");
    }
}
