namespace Routing.Engine.Calendars;

/// The calendar each department works on, as the active ruleset version says.
public interface IWorkingCalendars
{
    /// The department's calendar; null when it names none (its items count around the clock).
    Calendar? Of(string department);
}
