using Routing.Engine.Lifecycles;

namespace Routing.Host.Pages.Console;

/// A lifecycle in words for the overview: what a state's kind means, who takes an action and
/// what it records, and what the timed steps do, so a head or an auditor can read it without
/// the JSON.
public static class LifecycleWords
{
    public static string Title(Lifecycle lifecycle) => lifecycle.Title ?? lifecycle.Id;

    /// "open: the acknowledgement is due", "waiting (on someone else)", "final".
    public static string Kind(LifecycleState state) => state.Stage switch
    {
        WorkItemStage.Acknowledgement => "open: the acknowledgement is due",
        WorkItemStage.Resolution => "open: the resolution is due",
        WorkItemStage.Waiting => "waiting (on someone else)",
        _ => "final",
    };

    /// "resolve → Resolved", "verify (by a timer) → Verified"; an action that leaves the item
    /// where it is (a CAPA's escalation) says so.
    public static string Move(Routing.Workflows.WorkItems.WorkItemMove move) =>
        $"{move.Action}{(move.ByTimer ? " (by a timer)" : "")}{(move.To == move.From ? ": the item stays" : $" → {move.To}")}";

    public static string Taker(LifecycleAction action) => action.Taker switch
    {
        LifecycleAction.Csm => "by the CSMs",
        LifecycleAction.Timer => "by a timer",
        _ => "by the department",
    };

    /// "Root-cause method (one of 5-whys, fishbone, fault-tree, other)", "Owner (a person, optional)".
    public static string Field(LifecycleField field)
    {
        var type = field.Type switch
        {
            LifecycleField.Choice => $"one of {string.Join(", ", field.Choices ?? [])}",
            LifecycleField.Date => "a date",
            LifecycleField.Person => "a person",
            LifecycleField.List => "a list",
            _ => "text",
        };
        return $"{field.Words} ({type}{(field.Optional ? ", optional" : "")})";
    }

    /// Everything an action asks for besides its fields: the note it needs, the confirmation.
    public static IEnumerable<string> Asks(LifecycleAction action)
    {
        if (action.NoteRequired is { } note) yield return $"a note: {note}";
        if (action.Confirm is { } confirm) yield return $"a confirmation: {confirm}";
    }

    /// "follow-up, in Routed or Reopened: when the acknowledgement is due, 2 reminders every
    /// follow-up interval, then escalate".
    public static string Step(Lifecycle lifecycle, TimedStep step)
    {
        var when = step.At switch
        {
            TimedStep.AckDueAt => "when the acknowledgement is due",
            TimedStep.ResolveDueAt => "when the resolution is due",
            _ => Window(step.After) is { } window ? $"after the {window}" : $"after {Duration(step.After)}",
        };
        var reminders = step.Remind > 0 ? $", {Words.Plural(step.Remind, "reminder")} every {Window(step.Every) ?? Duration(step.Every)}" : "";
        var then = step.Then == TimedStep.Check
            ? "check the fix: Verified, or Reopened if the pattern came back"
            : lifecycle.Action(step.Then)?.Words.ToLowerInvariant() ?? step.Then;
        return $"{step.Name}, in {string.Join(" or ", step.In)}: {when}{reminders}, then {then}{(step.Reason is { } why ? $" ({why})" : "")}.";
    }

    /// One of an item's windows in words (they differ by priority), or null.
    static string? Window(string? name) => name switch
    {
        "ackWithin" => "time to acknowledge",
        "resolveWithin" => "time to resolve",
        "followUpEvery" => "follow-up interval",
        "resolutionCheckAfter" => "resolution-check wait",
        _ => null,
    };

    static string Duration(string? text) => text is not null && LifecycleCheck.Duration(text) is { } span ? Words.Span(span) : text ?? "";
}
