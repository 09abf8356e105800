using Newtonsoft.Json;

namespace ItpBot.Dialogs.Engine;

/// <summary>
/// The dialog stack as it is persisted in conversation state (through an <c>IStatePropertyAccessor&lt;DialogState&gt;</c>).
/// The top of the stack is index 0, as in the official library. It holds only the active dialogs, never a per-turn
/// history, so its size does not grow with the length of the conversation.
/// </summary>
public sealed class DialogState
{
    /// <summary>The shape this build writes. Raise it when the stored shape changes incompatibly.</summary>
    public const int CurrentVersion = 1;

    public DialogState()
        : this(CurrentVersion, null)
    {
    }

    public DialogState(List<DialogInstance>? stack)
        : this(CurrentVersion, stack)
    {
    }

    // Newtonsoft comes through here: a stored state written before versioning has no "Version" and reads as 0,
    // which DialogSet.CreateContextAsync recognises as an older shape and resets.
    [JsonConstructor]
    private DialogState(int version, List<DialogInstance>? dialogStack)
    {
        Version = version;
        DialogStack = dialogStack ?? [];
    }

    public int Version { get; private set; }

    public List<DialogInstance> DialogStack { get; private set; }

    [JsonIgnore]
    public bool IsCurrentVersion => Version == CurrentVersion;

    internal void Reset()
    {
        Version = CurrentVersion;
        DialogStack.Clear();
    }
}
