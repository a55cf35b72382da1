namespace ClinicBot.Dialogs;

/// <summary>The persisted dialog stack of one conversation (top of stack first).</summary>
public class DialogState
{
    public DialogState()
    {
    }

    public DialogState(List<DialogInstance>? stack)
    {
        DialogStack = stack ?? new List<DialogInstance>();
    }

    public List<DialogInstance> DialogStack { get; set; } = new();
}

/// <summary>One running dialog on the stack and the state it keeps between turns.</summary>
public class DialogInstance
{
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// The dialog's own values. After a round trip through JSON storage the values are JSON types
    /// (JObject, JArray, long, string): read them with <see cref="StateValues"/>.
    /// </summary>
    public Dictionary<string, object?> State { get; set; } = new();
}
