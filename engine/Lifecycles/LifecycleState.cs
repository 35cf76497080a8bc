using System.Text.Json.Serialization;

namespace Routing.Engine.Lifecycles;

/// A state of a lifecycle. `Kind`: open (the department owes work), waiting (on someone else:
/// the vendor, the resolution check) or final (no way out). `Due`, for an open state: which due
/// time runs in it, the acknowledgement's (`ack`) or the resolution's (`resolve`, the default).
public sealed record LifecycleState(
    [property: System.ComponentModel.Description("The state's name, which actions and timed steps name.")] string Name,
    [property: System.ComponentModel.Description("open (the department owes work), waiting (on someone else) or final (no way out).")] string Kind,
    [property: System.ComponentModel.Description("For an open state: which due time runs in it, the acknowledgement's (ack) or the resolution's (resolve, the default).")] string? Due = null,
    [property: System.ComponentModel.Description("What the state means, shown to people.")] string? Description = null)
{
    public const string Open = "open";
    public const string Waiting = "waiting";
    public const string Final = "final";
    public static readonly string[] Kinds = [Open, Waiting, Final];

    public const string AckDue = "ack";
    public const string ResolveDue = "resolve";
    public static readonly string[] Dues = [AckDue, ResolveDue];

    [JsonIgnore]
    public WorkItemStage Stage => Kind switch
    {
        Open => Due == AckDue ? WorkItemStage.Acknowledgement : WorkItemStage.Resolution,
        Waiting => WorkItemStage.Waiting,
        _ => WorkItemStage.Final,
    };
}
