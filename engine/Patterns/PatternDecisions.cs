using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Intake;
using Routing.Engine.Reports;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// What a CSM decides about a candidate: submit it as a verified report (through the same
/// intake as POST /api/reports, so the active rules route it) or dismiss it with a reason.
internal sealed class PatternDecisions(RoutingDb db, IntakeService intake, HistoryJournal journal, TimeProvider clock, ILogger<PatternDecisions> log)
{
    /// The report's evidence limit (ReportValidator).
    public const int MaxEvidence = 1000;
    const int MaxText = ReportFacts.LongestText;

    public async Task<PatternOutcome> SubmitAsync(Guid id, PatternSubmission body, string actor, CancellationToken ct)
    {
        if (await db.Patterns.SingleOrDefaultAsync(p => p.Id == id, ct) is not { } candidate) return new PatternOutcome.NotFound();
        if (candidate.Status != PatternStatus.Open) return new PatternOutcome.NotOpen(candidate.Status);
        if (body.Title is { Length: > MaxText })
            return new PatternOutcome.Invalid(new() { ["title"] = [$"must be at most {MaxText} characters."] });

        var evidence = await PatternEvidence.Of(db, candidate).Select(c => c.Id).Take(MaxEvidence).ToListAsync(ct);
        IntakeOutcome outcome;
        try
        {
            outcome = await intake.SubmitAsync(Report(candidate, body, evidence, actor), key: null, actor, ct, patternId: id);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Another submit of this candidate stored its report first (one report per pattern).
            db.ChangeTracker.Clear();
            return new PatternOutcome.NotOpen(PatternStatus.Submitted);
        }
        switch (outcome)
        {
            case IntakeOutcome.Accepted accepted:
                var now = clock.Now();
                // The report exists, so the candidate is submitted, even if a dismissal racing this
                // submit got there first (a second submit was refused by the report's unique index).
                await db.Patterns.Where(p => p.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.Status, PatternStatus.Submitted)
                    .SetProperty(p => p.ReportId, accepted.Receipt.ReportId)
                    .SetProperty(p => p.SubmittedBy, actor)
                    .SetProperty(p => p.SubmittedAt, now)
                    .SetProperty(p => p.UpdatedAt, now), ct);
                log.LogInformation("Pattern {PatternId} submitted by {Actor} as report {ReportId}", id, actor, accepted.Receipt.ReportId);
                return new PatternOutcome.Submitted(accepted.Receipt);
            case IntakeOutcome.Invalid invalid:
                return new PatternOutcome.Invalid(invalid.Errors);
            default:
                throw new InvalidOperationException($"Unexpected intake outcome {outcome}.");
        }
    }

    public async Task<PatternOutcome> DismissAsync(Guid id, PatternDismissal body, string actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Reason)) return new PatternOutcome.Invalid(new() { ["reason"] = ["is required."] });
        if (body.Reason.Length > 2000) return new PatternOutcome.Invalid(new() { ["reason"] = ["must be at most 2000 characters."] });
        if (await db.Patterns.SingleOrDefaultAsync(p => p.Id == id, ct) is not { } candidate) return new PatternOutcome.NotFound();
        if (candidate.Status != PatternStatus.Open) return new PatternOutcome.NotOpen(candidate.Status);

        var now = clock.Now();
        var reason = body.Reason.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Only while it is still open: a submit or a dismissal racing this one keeps what it did.
        var dismissed = await db.Patterns.Where(p => p.Id == id && p.Status == PatternStatus.Open).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Status, PatternStatus.Dismissed)
            .SetProperty(p => p.DismissedBy, actor)
            .SetProperty(p => p.DismissedReason, reason)
            .SetProperty(p => p.DismissedAt, now)
            .SetProperty(p => p.DismissedComplaints, p => p.Complaints)
            .SetProperty(p => p.DismissedRatio, p => p.Ratio)
            .SetProperty(p => p.UpdatedAt, now), ct);
        if (dismissed == 0)
        {
            await transaction.RollbackAsync(ct);
            return new PatternOutcome.NotOpen(await db.Patterns.Where(p => p.Id == id).Select(p => p.Status).SingleAsync(ct));
        }
        await journal.AppendAsync([new HistoryEntry(actor, new PatternDismissed(id, candidate.Product, candidate.Category,
            string.Join(", ", CandidateSegment.Of(candidate).Words()), reason, candidate.Complaints, candidate.Ratio))], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        log.LogInformation("Pattern {PatternId} dismissed by {Actor}: {Reason}", id, actor, reason);
        return new PatternOutcome.Dismissed();
    }

    /// The report the candidate is: its numbers, its segment, its complaints as evidence and
    /// its sentence in the description, verified by the CSM submitting it now.
    ReportSubmission Report(PatternCandidate c, PatternSubmission body, List<string> evidence, string actor)
    {
        var title = string.IsNullOrWhiteSpace(body.Title) ? DefaultTitle(c) : body.Title;
        var description = string.IsNullOrWhiteSpace(body.Description) ? c.Explanation : body.Description + "\n\n" + c.Explanation;
        return new(
            Title: title,
            Product: c.Product,
            Category: c.Category,
            Description: description,
            UnitsSold: c.UnitsSold is { } units && units <= int.MaxValue ? (int)units : null,
            AffectedUnits: (int)Math.Min(c.Complaints, int.MaxValue),
            ReportCount: (int)Math.Min(c.Complaints, int.MaxValue),
            Segment: new SegmentSubmission(c.Region, c.AgeGroup, c.Accessibility, c.Months.Count == 0 ? null : [.. c.Months]),
            Vendor: c.Vendor,
            Severity: body.Severity,
            Recommendation: body.Recommendation,
            Evidence: [.. evidence],
            VerifiedBy: actor,
            VerifiedAt: clock.GetUtcNow());
    }

    /// "HX-200, Michigan, Nov–Mar: quality complaints out of line", cut to a title's length.
    internal static string DefaultTitle(PatternCandidate c)
    {
        var title = $"{string.Join(", ", CandidateSegment.Of(c).Words().Prepend(c.Product))}: {c.Category} complaints out of line";
        return title.Length <= MaxText ? title : title[..(MaxText - 1)] + "…";
    }
}
