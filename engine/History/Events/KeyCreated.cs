namespace Routing.Engine.History.Events;

[HistoryKind(HistoryKinds.KeyCreated)]
internal sealed record KeyCreated(Guid Id, string Name, string Role, IReadOnlyList<string> Departments) : HistoryData
{
    public override string Summary() =>
        $"Key \"{Name}\" created for the role {Role}" + (Departments.Count > 0 ? $" of {string.Join(", ", Departments)}" : "");
}
