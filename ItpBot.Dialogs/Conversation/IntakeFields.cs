using ItpBot.Dialogs.Conversation.Fields;

namespace ItpBot.Dialogs.Conversation;

/// <summary>Which intake question a contract field answers.</summary>
public static class IntakeFields
{
    public static IntakeField? FromContractName(string field) => FieldRegistry.ForContractName(field)?.Id;
}
