namespace Routing.Engine.Metrics;

/// How one rule of one ruleset version did with the items it opened: how many it routed, how many of them
/// were handed back as misrouted, verified, reopened or resolved, and their median time to resolve.
internal sealed record RuleFigures(int Version, string Rule, int Routed, int HandedBack, int Verified, int Reopened, int Resolved, TimeSpan? MedianToResolve)
{
    public double? HandedBackRate => Routed == 0 ? null : (double)HandedBack / Routed;
}
