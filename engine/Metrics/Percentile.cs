using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Metrics;

/// The spreads accountability shows, read through the provider's IPercentiles.
internal static class Percentile
{
    public static IPercentiles For(RoutingDb db) => db.Database.IsNpgsql() ? new PostgresPercentiles() : new SqlitePercentiles();

    /// Time to acknowledge or to resolve per department, over the items acknowledged (or first resolved) in [s, e).
    public static async Task<IReadOnlyDictionary<string, Spread>> ReadAsync(
        RoutingDb db, Measure measure, IReadOnlyList<string> departments, DateTimeOffset s, DateTimeOffset e, CancellationToken ct)
    {
        if (departments.Count == 0) return new Dictionary<string, Spread>();
        var (at, took) = measure == Measure.Acknowledge ? ("\"AcknowledgedAt\"", "\"AckTookSeconds\"") : ("\"FirstResolvedAt\"", "\"ResolveTookSeconds\"");
        var (inList, parameters) = In(db, departments, s, e);
        var source = $"work_items WHERE \"Department\" {inList} AND {at} >= {{0}} AND {at} < {{1}} AND {took} IS NOT NULL";
        var spreads = await For(db).ReadAsync(db, "\"Department\"", took, source, parameters, ct);
        return spreads.ToDictionary(s => s.Key, s => s.Spread);
    }

    /// Time to first resolution of the items each rule opened in [from, to), per ruleset version and rule.
    public static async Task<IReadOnlyDictionary<(int Version, string Rule), Spread>> ReadByRuleAsync(
        RoutingDb db, IReadOnlyList<string> departments, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (departments.Count == 0) return new Dictionary<(int, string), Spread>();
        var (inList, parameters) = In(db, departments, from, to);
        // The rule rows carry their item's time to resolve (MetricsTriggers).
        var source = $$"""
            work_item_rules r
            WHERE r."Department" {{inList}} AND r."CreatedAt" >= {0} AND r."CreatedAt" < {1} AND r."ResolveTookSeconds" IS NOT NULL
            """;
        // The version cannot hold a ':', so the key splits back at the first one.
        var key = "CAST(r.\"RulesetVersion\" AS TEXT) || ':' || r.\"Rule\"";
        var spreads = await For(db).ReadAsync(db, key, "r.\"ResolveTookSeconds\"", source, parameters, ct);
        return spreads.ToDictionary(s => (int.Parse(s.Key[..s.Key.IndexOf(':')], System.Globalization.CultureInfo.InvariantCulture), s.Key[(s.Key.IndexOf(':') + 1)..]), s => s.Spread);
    }

    /// `IN (…)` of the departments (`= ANY` of an array on PostgreSQL), with the times as {0} and {1} as the provider stores them.
    static (string Sql, object[] Parameters) In(RoutingDb db, IReadOnlyList<string> departments, DateTimeOffset from, DateTimeOffset to)
    {
        if (db.Database.IsNpgsql()) return ("= ANY({2})", [from.ToUniversalTime(), to.ToUniversalTime(), departments.ToArray()]);
        return ($"IN ({string.Join(", ", departments.Select((_, i) => $"{{{i + 2}}}"))})",
            [SqliteValues.Of(from), SqliteValues.Of(to), .. departments]);
    }

    /// percentile_cont over the values at ranks 0…n−1 (only those it needs), p in tenths.
    public static double? Interpolate(IReadOnlyDictionary<long, double> values, int n, int tenths)
    {
        if (n == 0) return null;
        long low = (n - 1) * tenths / 10, high = ((n - 1) * tenths + 9) / 10;
        var fraction = (n - 1) * tenths % 10 / 10.0;
        return values[low] + fraction * (values[high] - values[low]);
    }

    /// Whole seconds, as the facts are recorded.
    public static TimeSpan? Seconds(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)) : null;
}
