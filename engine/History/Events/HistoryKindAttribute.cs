namespace Routing.Engine.History.Events;

/// The kind (from HistoryKinds) under which events with this payload are stored.
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class HistoryKindAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
}
