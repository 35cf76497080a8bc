using System.Xml;

namespace Routing.Engine.Lifecycles;

/// Whether a lifecycle is sound: every problem at once, each named by its place
/// (`lifecycles/corrective-action/actions/contain`). The rules editor shows them; a ruleset with
/// any is refused.
public static class LifecycleCheck
{
    public sealed record Problem(string Place, string Message);

    const int MaxName = 100;
    const int MaxWords = 2_000;
    /// Longer than any SLA; a due time this far off is a typing mistake, and past year 9999 it cannot be counted.
    static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3_660);
    /// Words the drawings (Graphviz, Mermaid) read as their own: no state may be named so.
    static readonly string[] Reserved = ["node", "edge", "graph", "digraph", "subgraph", "strict", "start", "end", "state", "note", "direction", "class", "classdef"];

    public static List<Problem> Problems(Lifecycle lifecycle)
    {
        var problems = new List<Problem>();
        var at = $"lifecycles/{lifecycle.Id}";
        void Add(string place, string message) => problems.Add(new(place, message));

        Words(at, lifecycle.Title, "title", Add);
        Words(at, lifecycle.Description, "description", Add);
        if (!IsName(lifecycle.Id)) Add("lifecycles", $"'{lifecycle.Id}' is not a lifecycle id: lower-case letters, digits and dashes, at most {MaxName}.");
        // JSON reads `[null]` as a list holding null; every check below reads each entry.
        if ((lifecycle.States ?? []).Contains(null!)) Add($"{at}/states", "a state is null: each is an object with a name and a kind.");
        if ((lifecycle.Actions ?? []).Contains(null!)) Add($"{at}/actions", "an action is null: each is an object with a name and from.");
        if ((lifecycle.TimedSteps ?? []).Contains(null!)) Add($"{at}/timedSteps", "a timed step is null: each is an object with a name, in and then.");
        foreach (var action in (lifecycle.Actions ?? []).Where(a => a?.Fields?.Contains(null!) == true))
            Add($"{at}/actions/{action.Name}/fields", "a field is null: each is an object with a name and a type.");
        if (problems.Count > 0) return problems;
        var states = (lifecycle.States ?? []).ToList();
        var actions = (lifecycle.Actions ?? []).ToList();
        var names = new HashSet<string>();
        foreach (var state in states)
        {
            var place = $"{at}/states/{state.Name}";
            if (!IsStateName(state.Name)) Add($"{at}/states", $"'{state.Name}' is not a state name: a letter, then letters and digits (InProgress), at most 64.");
            else if (Reserved.Contains(state.Name.ToLowerInvariant())) Add(place, "is a word the drawings keep for themselves: name the state otherwise.");
            else if (!names.Add(state.Name)) Add(place, "is named twice.");
            Words(place, state.Description, "description", Add);
            if (!LifecycleState.Kinds.Contains(state.Kind)) Add(place, $"kind '{state.Kind}' must be one of {string.Join(", ", LifecycleState.Kinds)}.");
            if (state.Due is not null && (state.Kind != LifecycleState.Open || !LifecycleState.Dues.Contains(state.Due)))
                Add(place, $"due '{state.Due}' is for open states, one of {string.Join(", ", LifecycleState.Dues)}.");
        }
        if (states.Count == 0) Add($"{at}/states", "a lifecycle needs states.");
        if (!states.Any(s => s.Kind == LifecycleState.Final)) Add($"{at}/states", "a lifecycle needs a final state.");
        if (lifecycle.State(lifecycle.Start) is not { } start) Add($"{at}/start", $"'{lifecycle.Start}' is not one of its states.");
        else if (start.Kind == LifecycleState.Final) Add($"{at}/start", "an item cannot start in a final state.");

        var actionNames = new HashSet<string>();
        foreach (var action in actions)
        {
            var place = $"{at}/actions/{action.Name}";
            if (!IsName(action.Name)) { Add($"{at}/actions", $"'{action.Name}' is not an action name: lower-case letters, digits and dashes."); continue; }
            if (action.Name == LifecycleAction.Comment) Add(place, "comment is every lifecycle's own: name the action otherwise.");
            if (!actionNames.Add(action.Name)) Add(place, "is named twice.");
            if ((action.From ?? []).Count == 0) Add(place, "needs the states it is taken from (from).");
            foreach (var from in (action.From ?? []).Where(f => lifecycle.State(f) is null))
                Add(place, $"from '{from}' is not one of its states.");
            foreach (var from in (action.From ?? []).Where(f => lifecycle.State(f)?.Kind == LifecycleState.Final))
                Add(place, $"from '{from}': a final state has no way out.");
            if (action.To is not null && lifecycle.State(action.To) is null) Add(place, $"to '{action.To}' is not one of its states.");
            if (!LifecycleAction.Takers.Contains(action.Taker)) Add(place, $"by '{action.By}' must be one of {string.Join(", ", LifecycleAction.Takers)}.");
            // Undo puts an item back from these, and a hand-back opens the item again in triage: they end it here.
            if (action.Name is LifecycleAction.Cancel or LifecycleAction.HandBack && lifecycle.State(action.To ?? "")?.Kind != LifecycleState.Final)
                Add(place, $"{action.Name} ends the item here: its to must be a final state.");
            Words(place, action.Label, "label", Add);
            Words(place, action.Description, "description", Add);
            Words(place, action.NoteRequired, "noteRequired", Add);
            Words(place, action.Confirm, "confirm", Add);
            var fieldNames = new HashSet<string>();
            foreach (var field in action.Required)
            {
                if (string.IsNullOrWhiteSpace(field.Name) || field.Name.Length > MaxName) { Add(place, "every field needs a name of at most 100 characters."); continue; }
                var fieldPlace = $"{place}/fields/{field.Name}";
                if (!fieldNames.Add(field.Name)) Add(fieldPlace, "is named twice.");
                if (!LifecycleField.Types.Contains(field.Type)) Add(fieldPlace, $"type '{field.Type}' must be one of {string.Join(", ", LifecycleField.Types)}.");
                if (field.Type == LifecycleField.Choice && (field.Choices is not { Count: > 0 } || field.Choices.Distinct().Count() != field.Choices.Count))
                    Add(fieldPlace, "a choice needs its choices, each named once.");
                if (field.Type != LifecycleField.Choice && field.Choices is not null) Add(fieldPlace, "only a choice has choices.");
                if (field.Choices?.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > MaxName) == true)
                    Add(fieldPlace, $"every choice is a word or a few, at most {MaxName} characters.");
                Words(fieldPlace, field.Label, "label", Add);
                Words(fieldPlace, field.Help, "help", Add);
            }
        }

        var stepNames = new HashSet<string>();
        foreach (var step in lifecycle.Steps)
        {
            if (!IsName(step.Name)) { Add($"{at}/timedSteps", $"'{step.Name}' is not a step name: lower-case letters, digits and dashes."); continue; }
            var place = $"{at}/timedSteps/{step.Name}";
            if (!stepNames.Add(step.Name)) Add(place, "is named twice.");
            if ((step.In ?? []).Count == 0) Add(place, "needs the states it runs in (in).");
            foreach (var state in (step.In ?? []).Where(s => lifecycle.State(s) is null)) Add(place, $"in '{state}' is not one of its states.");
            foreach (var state in (step.In ?? []).Where(s => lifecycle.State(s)?.Kind == LifecycleState.Final)) Add(place, $"in '{state}': nothing runs in a final state.");
            if ((step.At is null) == (step.After is null)) Add(place, "needs either at (a due time) or after (a duration), not both.");
            if (step.At is not null && !TimedStep.DueTimes.Contains(step.At)) Add(place, $"at '{step.At}' must be one of {string.Join(", ", TimedStep.DueTimes)}.");
            if (step.After is not null && !IsDuration(step.After)) Add(place, $"after '{step.After}' is not an ISO 8601 duration (P14D) nor one of {string.Join(", ", TimedStep.Windows)}.");
            if (step.Remind is < 0 or > 10) Add(place, "remind is between 0 and 10.");
            if (step.Every is not null && !IsDuration(step.Every)) Add(place, $"every '{step.Every}' is not an ISO 8601 duration (P1D) nor one of {string.Join(", ", TimedStep.Windows)}.");
            else if (step.Remind > 0 && step.Every is null) Add(place, "reminders need every: an ISO 8601 duration or one of the item's windows.");
            if (step.Then == TimedStep.Check)
            {
                foreach (var needed in new[] { LifecycleAction.Verify, LifecycleAction.Reopen })
                    foreach (var state in (step.In ?? []).Where(s => !lifecycle.From(s).Any(a => a.Name == needed)))
                        Add(place, $"the check verifies or reopens: '{needed}' must be an action from '{state}'.");
            }
            else if (lifecycle.Action(step.Then) is not { } then) Add(place, $"then '{step.Then}' is neither an action of the lifecycle nor check.");
            // A step may run on in a state its action is not taken from (an escalated item's due
            // time passing does nothing more), but in none of them it would never do anything.
            else if ((step.In ?? []).Count > 0 && !(step.In ?? []).Any(s => (then.From ?? []).Contains(s)))
                Add(place, $"then '{step.Then}' is not an action from {string.Join(" or ", step.In!)}.");
            // A timer records no field: a step that resolved a CAPA would close it with its root cause blank.
            else if (then.Required.Any(f => !f.Optional))
                Add(place, $"then '{step.Then}' requires fields ({string.Join(", ", then.Required.Where(f => !f.Optional).Select(f => f.Name))}), which a timer cannot give.");
        }

        // Only once the parts are sound: reachability and ways out.
        if (problems.Count == 0)
        {
            var reached = new HashSet<string> { lifecycle.Start };
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var action in actions.Where(a => a.To is not null && a.From.Any(reached.Contains)))
                    grew |= reached.Add(action.To!);
            }
            foreach (var state in states.Where(s => !reached.Contains(s.Name)))
                Add($"{at}/states/{state.Name}", $"is unreachable: no action leads to it from {lifecycle.Start}.");
            // A timer's action is a way out only where a timed step takes it (the check takes verify and reopen).
            bool TakenThere(LifecycleAction a, string state) => a.Taker != LifecycleAction.Timer || lifecycle.Steps.Any(s => s.In.Contains(state)
                && (s.Then == a.Name || s.Then == TimedStep.Check && a.Name is LifecycleAction.Verify or LifecycleAction.Reopen));
            foreach (var state in states.Where(s => s.Kind != LifecycleState.Final
                         && !lifecycle.From(s.Name).Any(a => a.To is not null && a.To != s.Name && TakenThere(a, s.Name))))
                Add($"{at}/states/{state.Name}", "has no way out but is not final.");
        }
        return problems;
    }

    static bool IsName(string? name) => name is { Length: > 0 and <= MaxName } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    static bool IsStateName(string? name) => name is { Length: > 0 and <= 64 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    static bool IsDuration(string text) => TimedStep.Windows.Contains(text) || Duration(text) is { } d && d > TimeSpan.Zero && d <= MaxDuration;

    /// Words people read (a label, a hint): absent, or some words of reasonable length.
    static void Words(string place, string? text, string what, Action<string, string> add)
    {
        if (text is not null && (string.IsNullOrWhiteSpace(text) || text.Length > MaxWords))
            add(place, $"{what} must be some words, at most {MaxWords} characters (or left out).");
    }

    /// An ISO 8601 duration, or null.
    public static TimeSpan? Duration(string text)
    {
        try
        {
            return text.StartsWith('P') ? XmlConvert.ToTimeSpan(text) : null;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return null;
        }
    }
}
