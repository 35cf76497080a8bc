namespace Routing.Engine.History.Events;

[HistoryKind(HistoryKinds.KeyRevoked)]
internal sealed record KeyRevoked(Guid Id, string Name, string Role) : HistoryData
{
    public override string Summary() => $"Key \"{Name}\" ({Role}) revoked";
}
