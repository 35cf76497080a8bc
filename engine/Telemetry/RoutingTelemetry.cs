using System.Diagnostics;
using System.Diagnostics.Metrics;
using Routing.Engine.Imports;
using Routing.Engine.Notifications;

namespace Routing.Engine.Telemetry;

/// Our spans and metrics, under one name ("Routing") for the ActivitySource and the Meter.
/// Both are process-wide: two hosts in one process add to the same instruments. Call sites
/// stay one line; an operator's names (Prometheus adds `_total`, `_seconds`) are in the README.
internal static class RoutingTelemetry
{
    public const string Name = "Routing";
    public static readonly ActivitySource Source = new(Name);
    static readonly Meter Meter = new(Name);

    // Span attributes: what an operator searches a trace by.
    public const string ReportId = "routing.report.id";
    public const string WorkItemId = "routing.work_item.id";
    public const string RulesetVersion = "routing.ruleset.version";
    public const string Department = "routing.department";

    static readonly Counter<long> ReportsAccepted = Meter.CreateCounter<long>("routing.reports.accepted", "{report}",
        "Reports stored (an idempotent retry is not counted again).");
    static readonly Counter<long> ReportsRefused = Meter.CreateCounter<long>("routing.reports.refused", "{report}",
        "Reports refused: reason invalid (422) or key_reused (an Idempotency-Key sent again with another body, 409).");
    static readonly Counter<long> WorkItemsOpened = Meter.CreateCounter<long>("routing.work_items.opened", "{work_item}",
        "Work items opened by intake, per department and priority (a recurrence opens none).");
    static readonly Histogram<double> TimerLag = Meter.CreateHistogram("routing.timers.lag", "s",
        "From a timer's due time to its effect being committed.", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600] });
    static readonly Counter<long> NotificationAttempts = Meter.CreateCounter<long>("routing.notifications.attempts", "{attempt}",
        "Notification delivery attempts per channel and outcome (delivered, retry, failed: out of attempts).");
    static readonly Counter<long> ComplaintsImported = Meter.CreateCounter<long>("routing.complaints.imported", "{complaint}",
        "Complaint lines imported, per outcome (accepted, duplicate, rejected).");

    static TelemetrySample? sample;

    static RoutingTelemetry()
    {
        // Read from the sampler's last reading: a scrape never waits on the store.
        Meter.CreateObservableGauge("routing.timers.pending", () => Observe(s => s.PendingTimers), "{timer}",
            "Timers waiting to fire (the whole store's, as last sampled: every host reports the same number).");
        Meter.CreateObservableGauge("routing.history.sealing_lag", () => Observe(s => s.SealingLag.TotalSeconds), "s",
            "Age of the oldest history event not yet sealed into the chain, 0 when all are (the whole store's, as last sampled).");
    }

    static IEnumerable<Measurement<T>> Observe<T>(Func<TelemetrySample, T> read) where T : struct =>
        sample is { } s ? [new Measurement<T>(read(s))] : [];

    /// What TelemetrySampler read from the store last.
    public static void Sampled(TelemetrySample reading) => sample = reading;

    public static void ReportAccepted(IEnumerable<(string Department, string Priority)> opened)
    {
        ReportsAccepted.Add(1);
        foreach (var (department, priority) in opened)
            WorkItemsOpened.Add(1, new("department", department), new("priority", priority));
    }

    public static void ReportRefused(string reason) => ReportsRefused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void TimerFired(string step, TimeSpan lag) =>
        TimerLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("step", step));

    /// A delivery's span says what is sent where; the HTTP call or SMTP session is its child.
    public static void Delivering(Activity? trace, Notification n, string channel) => trace?
        .SetTag("routing.notification.id", n.Id.ToString())
        .SetTag("routing.notification.event", n.Event)
        .SetTag("routing.notification.channel", channel)
        .SetTag("routing.notification.attempt", n.Attempts)
        .SetTag(Department, n.Department)
        // A digest is about many items (Guid.Empty). Never the e-mail address: personal data.
        .SetTag(WorkItemId, n.WorkItemId == Guid.Empty ? null : n.WorkItemId.ToString())
        .SetTag(ReportId, n.ReportId == Guid.Empty ? null : n.ReportId.ToString())
        .SetTag(RulesetVersion, n.RulesetVersion);

    /// An attempt's outcome, once it is in history: delivered, retry (another attempt is due) or failed (out of attempts).
    public static void Delivered(Activity? trace, string channel, NotificationStatus status, string? error)
    {
        var outcome = status switch
        {
            NotificationStatus.Delivered => "delivered",
            NotificationStatus.Failed => "failed",
            _ => "retry",
        };
        NotificationAttempts.Add(1, new("channel", channel), new("outcome", outcome));
        if (error is not null) trace?.SetStatus(ActivityStatusCode.Error, error);
    }

    public static void Imported(ImportSummary summary)
    {
        ComplaintsImported.Add(summary.Accepted, new KeyValuePair<string, object?>("outcome", "accepted"));
        ComplaintsImported.Add(summary.Duplicates, new KeyValuePair<string, object?>("outcome", "duplicate"));
        ComplaintsImported.Add(summary.Rejected, new KeyValuePair<string, object?>("outcome", "rejected"));
    }
}
