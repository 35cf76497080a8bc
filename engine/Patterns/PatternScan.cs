using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Store;
using Routing.Engine.Telemetry;

namespace Routing.Engine.Patterns;

/// Finds the segments whose complaints are out of line and keeps them as candidates. The
/// database counts (ComplaintCounts); the tests run here on the counts:
/// - rates, per product and category, by region against the product and category elsewhere
///   (RateTest), and by season, in all regions and in each region: the run of months most out
///   of line with the place's other months, with a p-value that pays for choosing it (SeasonScan);
/// - disproportions of age group, accessibility and channel against other products of the
///   same category, and of vendor and depot against the product's other categories
///   (ReportingRatio): a depot that is late shows up among delivery complaints, not among all;
/// - one Benjamini–Hochberg over every p-value of the scan, then PatternRule.
internal sealed class PatternScan(RoutingDb db, HistoryJournal journal, IOptions<PatternOptions> options, TimeProvider clock, ILogger<PatternScan> log)
{
    public static readonly string[] Attributes = ["ageGroup", "accessibility", "channel", "vendor", "depot"];

    // Against the product's other categories rather than other products.
    static readonly HashSet<string> SupplyChain = ["vendor", "depot"];

    // Two scans at once would both insert a new segment's candidate.
    static readonly SemaphoreSlim OneAtATime = new(1, 1);

    PatternOptions Options => options.Value;

    public async Task<PatternScanResult> ScanAsync(string actor, CancellationToken ct)
    {
        using var trace = RoutingTelemetry.Source.StartActivity("routing.patterns.scan");
        await OneAtATime.WaitAsync(ct);
        try
        {
            var result = await RunAsync(actor, ct);
            trace?.SetTag("routing.patterns.tested", result.Tested).SetTag("routing.patterns.flagged", result.Flagged)
                .SetTag("routing.patterns.new", result.New);
            return result;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    async Task<PatternScanResult> RunAsync(string actor, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var startedAt = clock.Now();
        log.LogInformation("Pattern scan started for {Actor}", actor);
        var counts = await ComplaintCounts.ReadAsync(db, ct);
        log.LogInformation("Pattern scan counted {Rows} complaint groups and {UnitRows} units-sold groups in {Ms} ms",
            counts.Monthly.Count, counts.Units.Count, watch.ElapsedMilliseconds);

        var findings = RateFindings(counts).Concat(Disproportions(counts)).ToList();
        var q = FalseDiscovery.QValues([.. findings.Select(f => f.PValue)]);
        var flagged = findings.Select((f, i) => (Finding: f, Q: q[i])).Where(x => x.Finding.IsFlagged(x.Q, Options)).ToList();
        log.LogInformation("Pattern scan tested {Tested} segments, {Flagged} flagged, in {Ms} ms", findings.Count, flagged.Count, watch.ElapsedMilliseconds);

        var result = await KeepAsync(flagged, findings.Count, actor, startedAt, watch, ct);
        log.LogInformation("Pattern scan done in {Ms} ms: {Tested} tested, {Flagged} flagged ({New} new, {Reopened} reopened), {Dropped} no longer flagged",
            watch.ElapsedMilliseconds, result.Tested, result.Flagged, result.New, result.Reopened, result.NoLongerFlagged);
        return result with { ElapsedMs = watch.ElapsedMilliseconds };
    }

    /// Keeps the scan's outcome with its history event, in one transaction; a scan on another
    /// host that stored a new segment's candidate first makes this one read the candidates again.
    async Task<PatternScanResult> KeepAsync(List<(PatternFinding Finding, double Q)> flagged, int tested, string actor, DateTimeOffset startedAt,
        Stopwatch watch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var (created, reopened, dropped) = await UpdateCandidatesAsync(flagged, ct);
                await journal.AppendAsync([new HistoryEntry(actor, new PatternsScanned(tested, flagged.Count, created, reopened, dropped, startedAt))], ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new PatternScanResult(tested, flagged.Count, created, reopened, dropped, watch.ElapsedMilliseconds);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// New segments open, known ones keep the CSM's decision (a dismissed one opens again only
    /// when it grew materially), and the ones this scan did not flag are kept, marked as no
    /// longer flagged. Read without tracking and attached only when the scan changes them: a
    /// rescan of the same complaints finds the same numbers for thousands of candidates, and
    /// writes none of them (their UpdatedAt says when their numbers last changed).
    async Task<(long Created, long Reopened, long Dropped)> UpdateCandidatesAsync(List<(PatternFinding Finding, double Q)> flagged, CancellationToken ct)
    {
        var now = clock.Now();
        var known = await db.Patterns.AsNoTracking().ToDictionaryAsync(p => p.Key, ct);
        long created = 0, reopened = 0, dropped = 0;
        var seen = new HashSet<string>();
        foreach (var (finding, q) in flagged)
        {
            seen.Add(finding.Key);
            var explanation = finding.Explain(q);
            if (!known.TryGetValue(finding.Key, out var candidate))
            {
                candidate = New(finding, now);
                db.Patterns.Add(candidate);
                created++;
            }
            else if (candidate.Status == PatternStatus.Dismissed && MaterialGrowth.BringsBack(
                         candidate.DismissedComplaints ?? 0, candidate.DismissedRatio, finding.Complaints, finding.Ratio, Options.GrowthToReturn))
            {
                db.Patterns.Attach(candidate);
                candidate.Status = PatternStatus.Open;
                reopened++;
                log.LogInformation("Pattern {PatternId} reopened: {Complaints} complaints, ratio {Ratio}, dismissed at {Was} complaints, ratio {WasRatio}",
                    candidate.Id, finding.Complaints, finding.Ratio, candidate.DismissedComplaints, candidate.DismissedRatio);
            }
            else if (Unchanged(candidate, finding, q, explanation)) continue;
            else db.Patterns.Attach(candidate);
            Update(candidate, finding, q, explanation, now);
        }
        foreach (var candidate in known.Values.Where(c => c.StillFlagged && !seen.Contains(c.Key)))
        {
            db.Patterns.Attach(candidate);
            candidate.StillFlagged = false;
            candidate.UpdatedAt = now;
            dropped++;
        }
        return (created, reopened, dropped);
    }

    static PatternCandidate New(PatternFinding f, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Key = f.Key,
        Product = f.Product,
        Category = f.Category,
        Region = f.Segment.Region,
        Months = f.Segment.Season is { } season ? [.. season.Months] : [],
        AgeGroup = f.Segment.AgeGroup,
        Accessibility = f.Segment.Accessibility,
        Channel = f.Segment.Channel,
        Vendor = f.Segment.Vendor,
        Depot = f.Segment.Depot,
        Method = f.Method,
        Status = PatternStatus.Open,
        Explanation = "",
        FirstSeenAt = now,
    };

    static bool Unchanged(PatternCandidate c, PatternFinding f, double q, string explanation) =>
        c.StillFlagged && c.Complaints == f.Complaints && c.UnitsSold == f.Rate?.UnitsSold && c.Rate == (f.Rate?.Rate ?? f.Table!.Share) &&
        c.BaselineRate == (f.Rate?.BaselineRate ?? f.Table!.BaselineShare) && c.Ratio == f.Ratio && c.PValue == f.PValue && c.QValue == q &&
        c.Explanation == explanation;

    static void Update(PatternCandidate c, PatternFinding f, double q, string explanation, DateTimeOffset now)
    {
        c.Complaints = f.Complaints;
        c.UnitsSold = f.Rate?.UnitsSold;
        c.Rate = f.Rate?.Rate ?? f.Table!.Share;
        c.BaselineRate = f.Rate?.BaselineRate ?? f.Table!.BaselineShare;
        c.Ratio = f.Ratio;
        c.PValue = f.PValue;
        c.QValue = q;
        c.Explanation = explanation;
        c.StillFlagged = true;
        c.UpdatedAt = now;
    }

    /// Rates per product and category: by region, by season (all regions), by region × season.
    /// A region is compared with the product and category elsewhere; a season with the same
    /// place's other months (SeasonScan), so a region's excess all year is its region's candidate,
    /// not an eleven-month "season" of it.
    IEnumerable<PatternFinding> RateFindings(ComplaintCounts counts)
    {
        var units = new Dictionary<string, MonthGrid>(StringComparer.Ordinal);
        foreach (var u in counts.Units)
        {
            if (!units.TryGetValue(u.Product, out var grid)) units[u.Product] = grid = new MonthGrid();
            grid.Add(u.Region, u.MonthOfYear, u.UnitsSold);
        }
        var complaints = new Dictionary<(string Product, string Category), MonthGrid>();
        foreach (var c in counts.Monthly)
        {
            if (!complaints.TryGetValue((c.Product, c.Category), out var grid)) complaints[(c.Product, c.Category)] = grid = new MonthGrid();
            grid.Add(c.Region, c.MonthOfYear, c.Complaints);
        }

        foreach (var ((product, category), complained) in complaints)
        {
            if (!units.TryGetValue(product, out var sold)) continue; // no units sold: no rate
            foreach (var region in sold.Regions.Order(StringComparer.Ordinal))
            {
                var (k, n) = (complained.TotalOf(region), sold.TotalOf(region));
                if (RateTest.Compare(k, n, complained.Total - k, sold.Total - n) is { } byRegion)
                    yield return new(product, category, new PatternSegment(Region: region), byRegion, null);
                if (SeasonScan.Find(complained.Of(region), sold.Of(region)) is (var season, var rate))
                    yield return new(product, category, new PatternSegment(Region: region, Season: season), rate, null);
            }
            if (SeasonScan.Find(complained.AllRegions, sold.AllRegions) is (var allRegions, var allRate))
                yield return new(product, category, new PatternSegment(Season: allRegions), allRate, null);
        }
    }

    /// A value's share of a product and category's complaints against its share elsewhere:
    /// other products of the category, or (vendor, depot) the product's other categories.
    /// Complaints that do not say the attribute count on neither side.
    IEnumerable<PatternFinding> Disproportions(ComplaintCounts counts)
    {
        foreach (var attribute in Attributes)
        {
            var rows = counts.Attributes[attribute];
            var supplyChain = SupplyChain.Contains(attribute);
            var known = rows.GroupBy(r => (r.Product, r.Category)).ToDictionary(g => g.Key, g => g.Sum(r => r.Complaints));
            // The "elsewhere" population: per category (other products) or per product (other categories).
            var wider = rows.GroupBy(r => supplyChain ? r.Product : r.Category).ToDictionary(g => g.Key, g => g.Sum(r => r.Complaints));
            var widerWithValue = rows.GroupBy(r => (supplyChain ? r.Product : r.Category, r.Value)).ToDictionary(g => g.Key, g => g.Sum(r => r.Complaints));
            foreach (var row in rows)
            {
                var scope = supplyChain ? row.Product : row.Category;
                var a = row.Complaints;
                var b = known[(row.Product, row.Category)] - a;
                var c = widerWithValue[(scope, row.Value)] - a;
                var d = wider[scope] - known[(row.Product, row.Category)] - c;
                if (ReportingRatio.Of(a, b, c, d) is { } table)
                    yield return new(row.Product, row.Category, Segment(attribute, row.Value), null, table);
            }
        }
    }

    static PatternSegment Segment(string attribute, string value) => attribute switch
    {
        "ageGroup" => new(AgeGroup: value),
        "accessibility" => new(Accessibility: value),
        "channel" => new(Channel: value),
        "vendor" => new(Vendor: value),
        _ => new(Depot: value),
    };
}
