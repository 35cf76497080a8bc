using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.Store;

namespace Routing.Host.History;

/// A search of the audit history, oldest first, a page at a time: the API's and the console's.
internal sealed record HistoryQuery(
    Guid? ReportId = null, Guid? WorkItemId = null, string? Department = null, string? Kind = null, string? Actor = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, long? After = null, int Limit = HistoryQuery.DefaultLimit)
{
    public const int DefaultLimit = 100, MaxLimit = 1_000;

    /// The events, and the cursor of the next page when there may be one.
    public async Task<(List<HistoryEvent> Events, long? Next)> RunAsync(RoutingDb db, CancellationToken ct)
    {
        var events = await Matching(db.History.AsNoTracking()).OrderBy(e => e.Sequence).Take(Limit).ToListAsync(ct);
        return (events, events.Count == Limit ? events[^1].Sequence : null);
    }

    /// The events this search finds, in no order and not paged: the page's and the export's.
    public IQueryable<HistoryEvent> Matching(IQueryable<HistoryEvent> query)
    {
        query = Within(query, From, To);
        if (ReportId is { } r) query = query.Where(e => e.ReportId == r);
        if (WorkItemId is { } w) query = query.Where(e => e.WorkItemId == w);
        if (Department is not null) query = query.Where(e => e.Department == Department);
        if (Kind is not null)
        {
            // Older events keep the name they were stored under.
            var names = HistoryKinds.StoredAs(Kind);
            query = query.Where(e => names.Contains(e.Kind));
        }
        if (Actor is not null) query = query.Where(e => e.Actor == Actor);
        if (After is { } a) query = query.Where(e => e.Sequence > a);
        return query;
    }

    /// Filters that no stored text can match, and that PostgreSQL would refuse: a NUL character.
    public static void CheckText(Dictionary<string, string[]> errors, params (string Field, string? Value)[] filters)
    {
        foreach (var (field, value) in filters)
            if (value?.Contains('\0') == true) errors[field] = ["must not contain a NUL character (\\u0000)."];
    }

    /// What is wrong with a kind filter, or null: it must be a kind (or a kind's former name).
    public static string? KindProblem(string? kind) =>
        kind is null || HistoryKinds.IsKnown(kind) ? null : $"must be one of: {string.Join(", ", HistoryKinds.All)}.";

    public static IQueryable<HistoryEvent> Within(IQueryable<HistoryEvent> query, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f) query = query.Where(e => e.At >= f);
        if (to is { } t) query = query.Where(e => e.At < t);
        return query;
    }
}
