namespace Routing.Engine.Notifications;

/// A department's digest (hourly or daily) as its notification row keeps it: the items opened in
/// the period, those falling due in the next one, and those overdue at its end.
internal sealed record DigestPayload(string Department, string Digest, DateTimeOffset From, DateTimeOffset To,
    DigestSection New, DigestSection Due, DigestSection Overdue)
{
    /// At most this many items are listed in a section; its total is said.
    public const int MaxListed = 200;

    public bool IsEmpty => New.Total == 0 && Due.Total == 0 && Overdue.Total == 0;
}

/// A section's items (the first MaxListed, soonest due first) and how many there are.
internal sealed record DigestSection(int Total, IReadOnlyList<DigestItem> Items);

/// One item of a digest; DueAt is its next due time (acknowledge by, or resolve by once acknowledged).
internal sealed record DigestItem(Guid Id, string Title, string Priority, string State, DateTimeOffset DueAt, string Console);
