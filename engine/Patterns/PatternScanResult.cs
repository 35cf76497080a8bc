namespace Routing.Engine.Patterns;

/// What a scan did, as POST /api/patterns/scan answers and the history records.
public sealed record PatternScanResult(long Tested, long Flagged, long New, long Reopened, long NoLongerFlagged, long ElapsedMs);
