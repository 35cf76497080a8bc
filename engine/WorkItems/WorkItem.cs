using Routing.Engine.Calendars;
using Routing.Engine.Lifecycles;

namespace Routing.Engine.WorkItems;

/// The work one department must do about one report.
internal sealed class WorkItem
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public required string Department { get; set; }
    public required string Priority { get; set; }
    /// A state of its lifecycle.
    public required string State { get; set; }
    /// What the item waits for in that state (its lifecycle says; stored for the queries).
    public WorkItemStage Stage { get; set; }
    /// The lifecycle it follows, as of its ruleset version.
    public string Lifecycle { get; set; } = Lifecycles.Lifecycle.Standard;
    /// The fields its actions recorded, the latest of each (a JSON object).
    public string Fields { get; set; } = "{}";
    /// Bumped on every change; clients send it back so a stale action is refused.
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset AckDueAt { get; set; }
    public DateTimeOffset ResolveDueAt { get; set; }
    public TimeSpan AckWithin { get; set; }
    public TimeSpan ResolveWithin { get; set; }
    public TimeSpan? FollowUpEvery { get; set; }
    public TimeSpan? ResolutionCheckAfter { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    /// The calendar its due times count on (its department's); null: around the clock.
    public string? Calendar { get; set; }
    /// The windows that count around the clock rather than on the calendar (`ackWithin`, …).
    public List<string> CalendarTime { get; set; } = [.. Sla.DefaultCalendarTime];
    /// When its SLA clock stopped, in a state its lifecycle marks waiting; null while it runs.
    /// Its due times stay as they were then: the time left is counted from here.
    public DateTimeOffset? PausedAt { get; set; }
    /// Later reports of the same pattern that arrived while this item was open.
    public int Recurrences { get; set; }
    public int RulesetVersion { get; set; }
    public List<string> MatchedRules { get; set; } = [];

    // What happened to it, recorded once at the move (ItemFacts), so that accountability figures
    // are counted in SQL by the moment each thing happened, without replaying history.
    /// The first move a person made into work (not a cancel or hand-back), from Routed or Escalated.
    public DateTimeOffset? AcknowledgedAt { get; set; }
    /// Its SLA time from opening to acknowledgement (working time where the window counts it), pauses left out.
    public long? AckTookSeconds { get; set; }
    /// Acknowledged by its acknowledgement due time as it stood then.
    public bool? AckMet { get; set; }
    /// Its first resolution (ResolvedAt is cleared by a reopen; this stays).
    public DateTimeOffset? FirstResolvedAt { get; set; }
    public long? ResolveTookSeconds { get; set; }
    public bool? ResolveMet { get; set; }
    /// SLA time spent paused in waiting states before each figure was recorded.
    public long AckPausedSeconds { get; set; }
    public long ResolvePausedSeconds { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public int ReopenedCount { get; set; }
    /// When it was handed back as misrouted (cleared when the hand-back is undone).
    public DateTimeOffset? HandedBackAt { get; set; }
    /// Which version of ItemFacts recorded the fields above: 0 for items from before them (the backfill's marker).
    public int MetricsVersion { get; set; }

    // Its report's receipt and submitter, kept in step with the report by the database (MetricsTriggers),
    // so that the CSMs' account counts where their reports went from one index of the items alone.
    public DateTimeOffset? ReportReceivedAt { get; set; }
    public string? ReportSubmittedBy { get; set; }

    public Sla Sla => new(AckWithin, ResolveWithin, FollowUpEvery, ResolutionCheckAfter, CalendarTime);

    /// Counts its due times from `from` again, as when it opened: a reopening.
    public void Restart(SlaClock clock, DateTimeOffset from)
    {
        Calendar = clock.Calendar?.Id;
        PausedAt = null;
        AckDueAt = clock.Add(Sla.AckWithinWindow, from, AckWithin);
        ResolveDueAt = clock.Add(Sla.ResolveWithinWindow, from, ResolveWithin);
    }

    /// Enters a state of its lifecycle.
    public void Enter(string state, Lifecycle lifecycle)
    {
        State = state;
        Stage = lifecycle.StageOf(state);
    }

    /// A new item in its lifecycle's start, its due times counted from now on the department's
    /// calendar (null: around the clock).
    public static WorkItem Open(Guid reportId, string department, string priority, Sla sla, int rulesetVersion, Lifecycle lifecycle,
        IEnumerable<string> matchedRules, Calendar? calendar, DateTimeOffset now)
    {
        var item = New(reportId, department, priority, sla, rulesetVersion, lifecycle, matchedRules, now);
        item.Restart(new SlaClock(calendar, item.CalendarTime), now);
        return item;
    }

    static WorkItem New(Guid reportId, string department, string priority, Sla sla, int rulesetVersion, Lifecycle lifecycle,
        IEnumerable<string> matchedRules, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ReportId = reportId,
        Department = department,
        Priority = priority,
        State = lifecycle.Start,
        Stage = lifecycle.StageOf(lifecycle.Start),
        Lifecycle = lifecycle.Id,
        Version = 1,
        CreatedAt = now,
        UpdatedAt = now,
        AckWithin = sla.AckWithin,
        ResolveWithin = sla.ResolveWithin,
        FollowUpEvery = sla.FollowUpEvery,
        ResolutionCheckAfter = sla.ResolutionCheckAfter,
        RulesetVersion = rulesetVersion,
        MatchedRules = [.. matchedRules],
        CalendarTime = [.. sla.CalendarTime],
        MetricsVersion = ItemFacts.Version,
    };
}
