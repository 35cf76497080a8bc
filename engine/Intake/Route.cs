namespace Routing.Engine.Intake;

/// One department that must act on a report, with how urgently and why, and the lifecycle its
/// item follows (the department's).
public sealed record Route(
    string Department,
    string Priority,
    TimeSpan AckWithin,
    TimeSpan ResolveWithin,
    TimeSpan? FollowUpEvery,
    TimeSpan? ResolutionCheckAfter,
    IReadOnlyList<string> MatchedRules,
    string Lifecycle = Lifecycles.Lifecycle.Standard,
    /// Why, in the rules' words: the SuccessEvent of the rules that matched; null when none has one.
    string? Reason = null,
    /// The windows counted around the clock rather than on the department's calendar (Sla.DefaultCalendarTime when null).
    IReadOnlyList<string>? CalendarTime = null,
    /// The department's calendar in the version that routed (null: it works around the clock).
    Calendars.Calendar? Calendar = null);
