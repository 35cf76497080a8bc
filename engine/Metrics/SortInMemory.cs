using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Metrics;

/// An exact percentile over a whole range (the team's time to fix) sorts every value in it. At PostgreSQL's default
/// work_mem (4 MB) a sort of 50,000 rows already spilled 2 MB to disk (measured on a million-item store); 64 MB keeps
/// a year in memory.
internal static class SortInMemory
{
    const string WorkMem = "64MB";

    public static async Task<T> RunAsync<T>(RoutingDb db, Func<Task<T>> query, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return await query();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Local to this transaction: the pooled connection goes back with the default.
        await db.Database.ExecuteSqlRawAsync($"SELECT set_config('work_mem', '{WorkMem}', true)", ct);
        var result = await query();
        if (transaction is not null) await transaction.CommitAsync(ct);
        return result;
    }
}
