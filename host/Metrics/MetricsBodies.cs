using Routing.Engine.Calendars;
using Routing.Engine.Metrics;

namespace Routing.Host.Metrics;

/// The metrics API's answers. Durations are ISO 8601 in hours ("PT50H30M"): a working day is not 24 hours.
/// Rates are 0..1, null when there is nothing to divide by.
internal static class MetricsBodies
{
    public sealed record DepartmentTrendsBody(DateTimeOffset From, DateTimeOffset To, string Interval, IReadOnlyList<DepartmentTrendBody> Departments);

    /// `WorkingTime`: the department works on a calendar now, so its SLA times count working time.
    public sealed record DepartmentTrendBody(string Department, string Name, bool WorkingTime, IReadOnlyList<PeriodBody> Periods);

    public sealed record PeriodBody(
        DateTimeOffset Start, DateTimeOffset End, bool Complete, int Opened,
        int Acknowledged, int AcknowledgedWithinSla, double? AcknowledgedWithinSlaRate,
        int Resolved, int ResolvedWithinSla, double? ResolvedWithinSlaRate,
        SpreadBody TimeToAcknowledge, SpreadBody TimeToResolve, BacklogBody Backlog,
        int Reopened, double? ReopenedRate, int Escalations, int HandedBack, int Judged, int Effective, double? EffectiveRate)
    {
        public static PeriodBody Of(PeriodFigures p) => new(p.Start, p.End, p.Complete, p.Opened,
            p.Acknowledged, p.AcknowledgedWithinSla, p.AcknowledgedWithinSlaRate, p.Resolved, p.ResolvedWithinSla, p.ResolvedWithinSlaRate,
            SpreadBody.Of(p.ToAcknowledge), SpreadBody.Of(p.ToResolve), BacklogBody.Of(p.Backlog),
            p.Reopened, p.ReopenedRate, p.Escalations, p.HandedBack, p.Judged, p.Effective, p.EffectiveRate);
    }

    public sealed record SpreadBody(int Count, string? Median, string? P90)
    {
        public static SpreadBody Of(Spread s) => new(s.Count, Duration(s.Median), Duration(s.P90));
    }

    public sealed record BacklogBody(int Days0To2, int Days3To7, int Days8To30, int Over30)
    {
        public static BacklogBody Of(Backlog b) => new(b.Days0To2, b.Days3To7, b.Days8To30, b.Over30);
    }

    public sealed record RuleQualityBody(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<RuleBody> Rules);

    public sealed record RuleBody(int Version, string Rule, int Routed, int HandedBack, double? HandedBackRate, int Verified, int Reopened, int Resolved, string? MedianTimeToResolve)
    {
        public static RuleBody Of(RuleFigures r) =>
            new(r.Version, r.Rule, r.Routed, r.HandedBack, r.HandedBackRate, r.Verified, r.Reopened, r.Resolved, Duration(r.MedianToResolve));
    }

    public sealed record CsmAccountBody(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CsmBody> Csms);

    /// `Csm` null: the team (every report, those from before submitters were recorded too).
    /// `Departments`: the work items the reports opened, per department.
    public sealed record CsmBody(string? Csm, int Submitted, IReadOnlyDictionary<string, int> Departments, int Fixed, int VerifiedEffective, SpreadBody TimeToFix)
    {
        public static CsmBody Of(CsmFigures c) => new(c.Csm, c.Submitted, c.Departments, c.Fixed, c.VerifiedEffective, SpreadBody.Of(c.ToFix));
    }

    static string? Duration(TimeSpan? span) => span is { } s ? IsoDuration.Hours(s) : null;
}
