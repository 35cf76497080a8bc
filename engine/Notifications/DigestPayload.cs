namespace Routing.Engine.Notifications;

/// A department's digest (hourly or daily) as its notification row keeps it: the items opened in
/// the period, those falling due in the next one, and those overdue at its end.
internal sealed record DigestPayload(
    string Department, string Digest, DateTimeOffset From, DateTimeOffset To,
    IReadOnlyList<DigestItem> New, IReadOnlyList<DigestItem> Due, IReadOnlyList<DigestItem> Overdue)
{
    public bool IsEmpty => New.Count == 0 && Due.Count == 0 && Overdue.Count == 0;
}

/// One item of a digest; DueAt is its next due time (acknowledge-by until acknowledged, then resolve-by).
internal sealed record DigestItem(Guid Id, string Title, string Priority, string State, DateTimeOffset DueAt, string Console);
