using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.Notifications;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Engine.Telemetry;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Intake;

/// Takes a verified pattern in: validate, route, and store report, work items and history
/// in one transaction, so an answer of 201 means all of it is durable.
internal sealed class IntakeService(
    RoutingDb db,
    ReportValidator validator,
    IReportRouter router,
    ILifecycles lifecycles,
    HistoryJournal journal,
    NotificationOutbox outbox,
    TimeProvider clock,
    ILogger<IntakeService> log)
{
    public async Task<IntakeOutcome> SubmitAsync(
        ReportSubmission submission, IdempotencyKey? key, string actor, CancellationToken ct, Guid? patternId = null)
    {
        using var trace = RoutingTelemetry.Source.StartActivity("routing.intake");
        if (key is not null && await Idempotency.ReplayAsync(db, key, ct) is { } replay) return Traced(trace, replay);

        var errors = validator.Validate(submission);
        if (errors.Count > 0) return Traced(trace, new IntakeOutcome.Invalid(errors));

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Traced(trace, await AcceptAsync(submission, key, actor, patternId, ct));
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Someone changed a recurring item meanwhile: route against it as it is now.
                db.ChangeTracker.Clear();
            }
        }
    }

    const int Attempts = 5;

    /// The outcome on intake's span, and a refusal counted (an acceptance is counted where it is stored).
    static IntakeOutcome Traced(Activity? trace, IntakeOutcome outcome)
    {
        switch (outcome)
        {
            case IntakeOutcome.Accepted(var receipt):
                trace?.SetTag(RoutingTelemetry.ReportId, receipt.ReportId.ToString())
                    .SetTag(RoutingTelemetry.RulesetVersion, receipt.RulesetVersion)
                    .SetTag("routing.work_items", receipt.WorkItems.Count);
                break;
            case IntakeOutcome.Invalid(var errors):
                RoutingTelemetry.ReportRefused("invalid");
                trace?.SetStatus(ActivityStatusCode.Error, $"invalid: {string.Join(", ", errors.Keys)}");
                break;
            case IntakeOutcome.KeyReused:
                RoutingTelemetry.ReportRefused("key_reused");
                trace?.SetStatus(ActivityStatusCode.Error, "Idempotency-Key reused with another body");
                break;
        }
        return outcome;
    }

    async Task<IntakeOutcome> AcceptAsync(ReportSubmission submission, IdempotencyKey? key, string actor, Guid? patternId, CancellationToken ct)
    {
        var now = clock.Now();
        var report = ReportFactory.Create(submission, now);
        report.PatternId = patternId;
        report.SubmittedBy = actor;
        var decision = await router.RouteAsync(ReportFacts.From(report), ct);
        report.RulesetVersion = decision.RulesetVersion;
        report.Notify = [.. decision.Notify];
        report.RoutedTo = [.. decision.Routes.Select(r => r.Department)];
        Recorded recorded;
        try
        {
            recorded = await RecordAsync(report, decision, key, actor, now, ct);
        }
        catch (DbUpdateException e) when (key is not null && e is not DbUpdateConcurrencyException)
        {
            // A concurrent request with the same key won the insert: answer as it did.
            db.ChangeTracker.Clear();
            return await Idempotency.ReplayAsync(db, key, ct) ?? throw new InvalidOperationException("Idempotency record vanished.");
        }

        RoutingTelemetry.ReportAccepted(recorded.Opened.Select(i => (i.Department, i.Priority)));
        // Departments joined: a structured sink (OTLP, the JSON console) would otherwise get the iterator's type name.
        log.LogInformation("Report {ReportId} ({Category}, {Severity}) routed by ruleset v{Version} to {Departments}",
            report.Id, report.Category, report.Severity, decision.RulesetVersion, string.Join(", ", recorded.Opened.Select(i => i.Department)));
        foreach (var change in recorded.Reprioritized)
            log.LogInformation("Work item {WorkItemId} reprioritized {From} -> {To} by a recurrence (report {ReportId})",
                change.Item.Id, change.FromPriority, change.Item.Priority, report.Id);
        return new IntakeOutcome.Accepted(recorded.Receipt);
    }

    sealed record Recorded(ReportReceipt Receipt, List<WorkItem> Opened, List<Reprioritization> Reprioritized);

    /// Stores the routed report in one transaction: the work items it opens, or the open ones it recurs on.
    async Task<Recorded> RecordAsync(Report report, RoutingDecision decision, IdempotencyKey? key, string actor, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A pattern that is already being worked on is a recurrence of that work, not new work;
        // when it comes back more urgent, the work is tightened to match. Read in the pattern's
        // turn, so a concurrent report of it finds the item the one before it opened, and counts on.
        await PatternTurn.TakeAsync(db, report.PatternKey, ct);
        var recurring = await OpenItemsOfPatternAsync(report.PatternKey, [.. decision.Routes.Select(r => r.Department)], ct);
        var reprioritized = recurring
            .Select(item => Reprioritization.Apply(item, decision.Routes.First(r => r.Department == item.Department), now))
            .OfType<Reprioritization>()
            .ToList();
        var opened = new List<(WorkItem, Lifecycle, SlaClock)>();
        foreach (var route in decision.Routes.Where(route => recurring.All(w => w.Department != route.Department)))
        {
            var lifecycle = await lifecycles.GetAsync(decision.RulesetVersion, route.Lifecycle);
            var item = NewWorkItem(report, route, decision.RulesetVersion, lifecycle, now);
            opened.Add((item, lifecycle, new SlaClock(route.Calendar, item.CalendarTime)));
        }
        var items = opened.Select(o => o.Item1).ToList();
        var receipt = Receipt(report, decision, items, recurring, reprioritized);

        db.Reports.Add(report);
        db.AddOpened(outbox, opened, now);
        // The submitting CSM hears where their report went, one e-mail per item (each its own link).
        var toSubmitter = items.Select(i => outbox.QueueSubmitter(db, NotificationEvents.Routed, i, now)).OfType<HistoryEntry>().ToList();
        foreach (var item in recurring)
            await db.WorkItems.Where(w => w.Id == item.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Recurrences, w => w.Recurrences + 1), ct);
        foreach (var change in reprioritized)
            await change.ApplyAsync(db, outbox, await lifecycles.GetAsync(change.Item.RulesetVersion, change.Item.Lifecycle), now, ct);
        if (key is not null) Idempotency.Remember(db, key, receipt, now);
        await journal.AppendAsync([.. HistoryOf(report, decision, items, recurring, reprioritized, actor), .. toSubmitter], ct);
        // A reprioritized item is written only if nobody changed it since it was read (its Version).
        // No savepoint around it (two round trips of the eight a report took): when it fails, the
        // whole transaction is rolled back, and the report retried or answered as the key's first.
        db.Database.AutoSavepointsEnabled = false;
        try { await db.SaveChangesAsync(ct); }
        finally { db.Database.AutoSavepointsEnabled = true; }
        await tx.CommitAsync(ct);
        return new(receipt, items, reprioritized);
    }

    /// Two indexed lookups rather than one join: a join let PostgreSQL start from the open
    /// items of the department when its statistics were stale, scanning thousands of rows
    /// for a pattern that is usually new (measured: 2.7 ms per report at 3,500 open items).
    async Task<List<WorkItem>> OpenItemsOfPatternAsync(string patternKey, List<string> departments, CancellationToken ct)
    {
        var reportIds = await db.Reports.Where(r => r.PatternKey == patternKey).Select(r => r.Id).ToListAsync(ct);
        if (reportIds.Count == 0) return [];
        return await db.WorkItems
            .Where(w => reportIds.Contains(w.ReportId) && departments.Contains(w.Department) && w.Stage != WorkItemStage.Final)
            .ToListAsync(ct);
    }

    static WorkItem NewWorkItem(Report report, Route route, int rulesetVersion, Lifecycle lifecycle, DateTimeOffset now) =>
        WorkItem.Open(report.Id, route.Department, route.Priority, new(route.AckWithin, route.ResolveWithin,
            route.FollowUpEvery, route.ResolutionCheckAfter, route.CalendarTime ?? Sla.DefaultCalendarTime), rulesetVersion, lifecycle,
            route.MatchedRules, route.Calendar, now);

    static ReportReceipt Receipt(Report report, RoutingDecision decision, List<WorkItem> items, List<WorkItem> recurring,
        List<Reprioritization> reprioritized) => new(
        report.Id,
        report.RulesetVersion,
        [
            .. items.Select(i => ItemReceipt(i, recurrence: false, null, ReasonFor(decision, i))),
            .. recurring.Select(i => ItemReceipt(i, recurrence: true, reprioritized.FirstOrDefault(c => c.Item == i)?.FromPriority,
                ReasonFor(decision, i))),
        ],
        report.Notify);

    static WorkItemReceipt ItemReceipt(WorkItem i, bool recurrence, string? reprioritizedFrom, string? reason) => new(
        i.Id, i.Department, i.Priority, i.State.ToString(), i.AckDueAt, i.ResolveDueAt, i.MatchedRules, recurrence, reprioritizedFrom, reason);

    /// Why this report went to the item's department (a recurrence: why it went there this time).
    static string? ReasonFor(RoutingDecision decision, WorkItem item) =>
        decision.Routes.FirstOrDefault(r => r.Department == item.Department)?.Reason;

    static List<HistoryEntry> HistoryOf(Report report, RoutingDecision decision, List<WorkItem> items, List<WorkItem> recurring,
        List<Reprioritization> reprioritized, string actor)
    {
        var events = new List<HistoryEntry>
        {
            new(actor,
                new ReportAccepted(report.Title, report.Product, report.Category, report.Severity, report.ReportCount, report.PatternKey),
                ReportId: report.Id),
            new("system:rules", ReportRouted.Of(decision), ReportId: report.Id),
        };
        events.AddRange(items.Select(i => new HistoryEntry("system:rules", WorkItemRouted.ByRules(i, ReasonFor(decision, i)),
            ReportId: report.Id, WorkItemId: i.Id, Department: i.Department)));
        events.AddRange(recurring.Select(i => new HistoryEntry("system:rules", new WorkItemRecurred(report.Id, i.Recurrences + 1, i.State),
            ReportId: report.Id, WorkItemId: i.Id, Department: i.Department)));
        events.AddRange(reprioritized.Select(c => new HistoryEntry("system:rules",
            c.Data(report.Id), ReportId: report.Id, WorkItemId: c.Item.Id, Department: c.Item.Department)));
        return events;
    }
}
