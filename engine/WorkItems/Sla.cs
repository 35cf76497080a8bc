namespace Routing.Engine.WorkItems;

/// How long a department has to acknowledge and resolve, and when to follow up and check; which
/// of those windows count around the clock (calendar time) rather than on the department's calendar.
internal sealed record Sla(TimeSpan AckWithin, TimeSpan ResolveWithin, TimeSpan? FollowUpEvery, TimeSpan? ResolutionCheckAfter,
    IReadOnlyList<string> CalendarTime)
{
    public const string AckWithinWindow = "ackWithin";
    public const string ResolveWithinWindow = "resolveWithin";
    public const string FollowUpEveryWindow = "followUpEvery";
    public const string ResolutionCheckAfterWindow = "resolutionCheckAfter";

    /// Unless the rules say otherwise: the resolution check counts days on the calendar, the rest working time.
    public static readonly IReadOnlyList<string> DefaultCalendarTime = [ResolutionCheckAfterWindow];
}
