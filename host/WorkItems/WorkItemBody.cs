using System.ComponentModel;
using System.Text.Json;
using Routing.Engine.Calendars;
using Routing.Engine.Lifecycles;
using Routing.Engine.WorkItems;
using Routing.Workflows.WorkItems;

namespace Routing.Host.WorkItems;

/// A work item as the API shows it: state, priority, due times (as instants, and as the time left
/// on the calendar they count on), version, its lifecycle, the actions allowed now (each with what
/// it requires) and the fields recorded so far.
internal sealed record WorkItemBody(
    Guid Id, Guid ReportId, string Department, string Priority, string State, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset AckDueAt, DateTimeOffset ResolveDueAt,
    [property: Description("The time left until ackDueAt, as an ISO 8601 duration in hours, minutes and seconds, never days " +
        "(`PT50H30M`: a day of working time is not 24 hours): working time on `calendar` when ackDueInWorkingTime is true, " +
        "clock time otherwise. `PT0S` once due. Frozen while the clock is paused (pausedAt). Answered in every state: " +
        "`state` says whether the acknowledgement is still owed.")]
    string AckDueIn,
    [property: Description("Whether ackDueIn counts working time on `calendar` (true) or clock time around the clock (false).")]
    bool AckDueInWorkingTime,
    [property: Description("The time left until resolveDueAt, written as ackDueIn is: working time on `calendar` when " +
        "resolveDueInWorkingTime is true, clock time otherwise; `PT0S` once due; frozen while the clock is paused.")]
    string ResolveDueIn,
    [property: Description("Whether resolveDueIn counts working time on `calendar` (true) or clock time around the clock (false).")]
    bool ResolveDueInWorkingTime,
    [property: Description("The calendar the item's due times count on (its department's); null when they count around the clock.")]
    WorkItemBody.CalendarRef? Calendar,
    [property: Description("When the SLA clock stopped, because the item entered a state its lifecycle marks waiting (its `state`); " +
        "null while the clock runs. While paused, ackDueIn and resolveDueIn stay at the time left then; when the item leaves " +
        "the state its due times move on by that time.")]
    DateTimeOffset? PausedAt,
    int RulesetVersion, IReadOnlyList<string> MatchedRules, IReadOnlyList<string> AllowedActions,
    WorkItemBody.LifecycleRef Lifecycle, IReadOnlyList<WorkItemBody.AllowedAction> Actions, JsonElement Fields)
{
    /// Which lifecycle the item follows: its id, as of the ruleset version that opened the item.
    public sealed record LifecycleRef(string Id, int Version);

    /// A calendar by its id (GET /api/calendars), name and IANA time zone.
    public sealed record CalendarRef(
        [property: Description("Its id, as GET /api/calendars lists it.")] string Id,
        [property: Description("Its name, for people.")] string Name,
        [property: Description("Its IANA time zone (`Europe/Berlin`): the clock its working hours are on.")] string TimeZone);

    /// An action allowed now: who takes it, where it leads, and what it requires.
    public sealed record AllowedAction(
        string Name, string Label, string By, string To, string? NoteRequired, string? Confirm, IReadOnlyList<LifecycleField> Fields);

    public static WorkItemBody Of(WorkItem w, Lifecycle lifecycle, SlaStatus sla) => new(
        w.Id, w.ReportId, w.Department, w.Priority, w.State, w.Version, w.CreatedAt, w.UpdatedAt, w.AckDueAt, w.ResolveDueAt,
        IsoDuration.Hours(sla.AckLeft), sla.AckInWorkingTime, IsoDuration.Hours(sla.ResolveLeft), sla.ResolveInWorkingTime,
        sla.Calendar is { } c ? new(c.Id, c.Name, c.Definition.TimeZone) : null, sla.PausedAt,
        w.RulesetVersion, w.MatchedRules, LifecycleMachine.AllowedActions(lifecycle, w.State),
        new(lifecycle.Id, w.RulesetVersion),
        [.. lifecycle.From(w.State).Where(a => a.Taker != LifecycleAction.Timer)
            .Select(a => new AllowedAction(a.Name, a.Words, a.Taker, a.Target(w.State), a.NoteRequired, a.Confirm, a.Required))],
        JsonDocument.Parse(w.Fields).RootElement);

    /// The item with its clock as it stands now on its department's calendar.
    public static async Task<WorkItemBody> OfAsync(WorkItem w, ILifecycles lifecycles, IWorkingCalendars calendars, DateTimeOffset now) =>
        Of(w, await lifecycles.GetAsync(w.RulesetVersion, w.Lifecycle), SlaStatus.Of(w, calendars, now));
}
