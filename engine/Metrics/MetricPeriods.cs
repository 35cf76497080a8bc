using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Metrics;

/// Closed periods' figures as metric_periods rows, and back.
internal static class MetricPeriods
{
    public static PeriodFigures Figures(MetricPeriod p) => new(p.Start, p.End, true,
        p.Opened, p.Acknowledged, p.AcknowledgedWithinSla, p.Resolved, p.ResolvedWithinSla,
        new Spread(p.Acknowledged, Percentile.Seconds(p.AckMedianSeconds), Percentile.Seconds(p.AckP90Seconds)),
        new Spread(p.Resolved, Percentile.Seconds(p.ResolveMedianSeconds), Percentile.Seconds(p.ResolveP90Seconds)),
        new Backlog(p.BacklogDays0To2, p.BacklogDays3To7, p.BacklogDays8To30, p.BacklogOver30),
        p.Reopened, p.Escalations, p.HandedBack, p.Judged, p.Effective);

    /// Keeps closed periods' figures. Two requests (or a request and the rollup) may count the same period at once:
    /// the first row wins and the other is dropped (ON CONFLICT DO NOTHING), as both counted the same figures.
    public static async Task SaveAsync(RoutingDb db, string interval, IEnumerable<(PeriodFigures Figures, string Department)> rows, DateTimeOffset now, CancellationToken ct)
    {
        var sqlite = !db.Database.IsNpgsql();
        object Time(DateTimeOffset t) => sqlite ? SqliteValues.Of(t) : t.ToUniversalTime();
        var nulls = 0;
        // A null needs a parameter of its own that says its type.
        object Seconds(TimeSpan? t)
        {
            if (t is { } s) return s.TotalSeconds;
            var parameter = db.Database.GetDbConnection().CreateCommand().CreateParameter();
            (parameter.ParameterName, parameter.DbType, parameter.Value) = ($"@none{nulls++}", System.Data.DbType.Double, DBNull.Value);
            return parameter;
        }
        foreach (var (f, department) in rows)
        {
            // A row of an older definition is replaced.
            var start = f.Start;
            await db.MetricPeriods.Where(p => p.Department == department && p.Interval == interval && p.Start == start && p.Definition != DepartmentTrends.Definition)
                .ExecuteDeleteAsync(ct);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO metric_periods ("Department", "Interval", "Start", "End", "Definition", "Opened", "Acknowledged", "AcknowledgedWithinSla",
                    "AckMedianSeconds", "AckP90Seconds", "Resolved", "ResolvedWithinSla", "ResolveMedianSeconds", "ResolveP90Seconds",
                    "BacklogDays0To2", "BacklogDays3To7", "BacklogDays8To30", "BacklogOver30", "Reopened", "Escalations", "HandedBack",
                    "Judged", "Effective", "ComputedAt")
                VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15}, {16}, {17}, {18}, {19}, {20}, {21}, {22}, {23})
                ON CONFLICT DO NOTHING
                """,
                [department, interval, Time(f.Start), Time(f.End), DepartmentTrends.Definition, f.Opened, f.Acknowledged, f.AcknowledgedWithinSla,
                 Seconds(f.ToAcknowledge.Median), Seconds(f.ToAcknowledge.P90), f.Resolved, f.ResolvedWithinSla, Seconds(f.ToResolve.Median), Seconds(f.ToResolve.P90),
                 f.Backlog.Days0To2, f.Backlog.Days3To7, f.Backlog.Days8To30, f.Backlog.Over30, f.Reopened, f.Escalations, f.HandedBack,
                 f.Judged, f.Effective, Time(now)], ct);
        }
    }
}
