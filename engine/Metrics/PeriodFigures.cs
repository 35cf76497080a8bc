namespace Routing.Engine.Metrics;

/// One department's figures for one period [Start, End), each counted by when its event happened.
/// Complete: the period has closed, so its figures are final (and cached). Rates are null with no denominator.
internal sealed record PeriodFigures(
    DateTimeOffset Start, DateTimeOffset End, bool Complete,
    int Opened, int Acknowledged, int AcknowledgedWithinSla, int Resolved, int ResolvedWithinSla,
    Spread ToAcknowledge, Spread ToResolve, Backlog Backlog,
    int Reopened, int Escalations, int HandedBack, int Judged, int Effective)
{
    public double? AcknowledgedWithinSlaRate => Rate(AcknowledgedWithinSla, Acknowledged);
    public double? ResolvedWithinSlaRate => Rate(ResolvedWithinSla, Resolved);
    /// Reopenings over resolutions of the same period, as the Overview counts them.
    public double? ReopenedRate => Rate(Reopened, Resolved);
    /// Effective fixes over the measured checks that judged (inconclusive and recurrence verdicts are left out).
    public double? EffectiveRate => Rate(Effective, Judged);

    static double? Rate(int part, int of) => of == 0 ? null : (double)part / of;
}
