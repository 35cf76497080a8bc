using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RulesEngine.Models;
using Routing.Engine.Calendars;
using Routing.Engine.Departments;
using Routing.Engine.Intake;
using Routing.Engine.Lifecycles;
using Routing.Engine.Reports;

namespace Routing.Rules.Rulesets;

/// A validated ruleset with its rules compiled, ready to route reports. Thread-safe.
internal sealed class CompiledRuleset(
    int version,
    RulesEngine.RulesEngine engine,
    RulesByCategory rulesByCategory,
    IReadOnlyList<Department> departments,
    IReadOnlyDictionary<string, RouteSpec> specs,
    IReadOnlyList<Workflow> workflows,
    IReadOnlyList<Lifecycle> lifecycles,
    IReadOnlyList<Calendar> calendars)
{
    // Used when no priority band matches: the least urgent band.
    static readonly RouteSpec LowestBand = new("", null, null, "P4", TimeSpan.FromDays(5), TimeSpan.FromDays(30), null, null, []);

    public int Version => version;
    public IReadOnlyList<Department> Departments => departments;
    public IReadOnlyList<Workflow> Workflows => workflows;
    public IReadOnlyList<Lifecycle> Lifecycles => lifecycles;
    /// The calendars of this version; departments name theirs, and their items' due times count on it.
    public IReadOnlyList<Calendar> Calendars => calendars;

    /// The expression of a rule of this version, to explain a route; a rule of nested rules as
    /// theirs joined by its Operator.
    public string ExpressionOf(string rule) =>
        workflows.SelectMany(w => w.Rules ?? []).FirstOrDefault(r => r.RuleName == rule) is { } found ? ExpressionOf(found) : "";

    static string ExpressionOf(Rule rule) => rule.Rules?.Any() == true
        ? string.Join($" {rule.Operator} ", rule.Rules.Where(r => r.Enabled).Select(r => $"({ExpressionOf(r)})"))
        : rule.Expression ?? "";

    /// Routes the report within `budget` (RulesOptions.EvaluationBudget when null). Rules over
    /// the budget are a rule failure: the report also goes to triage, with the reason.
    public async Task<RoutingDecision> RouteAsync(ReportFacts report, ILogger log, CancellationToken ct = default, TimeSpan? budget = null)
    {
        var run = await RunAsync(report, budget ?? RulesOptions.DefaultEvaluationBudget, ct);
        return Decide(report, run, log);
    }

    /// Routes the report and tells, rule by rule, what matched and what failed.
    public async Task<Evaluation> EvaluateAsync(ReportFacts report, ILogger log, CancellationToken ct = default, TimeSpan? budget = null)
    {
        var run = await RunAsync(report, budget ?? RulesOptions.DefaultEvaluationBudget, ct);
        return new Evaluation(Decide(report, run, log),
            [.. Trace(RoutingWorkflows.Priority, run.Priority), .. Trace(RoutingWorkflows.Routing, run.Routing)]);
    }

    static readonly TimeSpan MaxBudget = RulesOptions.MaxEvaluationBudget;

    sealed record Run(List<RuleResultTree> Priority, List<RuleResultTree> Routing, RuleFailure? OverBudget);

    /// Runs the rules of both workflows that the report's category can match, on the caller's thread:
    /// RulesEngine checks the deadline between rules, so routing stops there at the budget or when the
    /// request is cancelled. A rule already running cannot be interrupted, which is why ExpressionCost and
    /// RuleCostCheck keep each rule cheap. (Handing each report to the thread pool to stop waiting mid-rule
    /// cost more than the shipped rules themselves: 27 against 13 µs an evaluation.)
    async Task<Run> RunAsync(ReportFacts report, TimeSpan budget, CancellationToken ct)
    {
        var parameter = new RuleParameter(RoutingWorkflows.ReportParameter, report);
        // Clamped: a negative or huge setting must not throw on the intake path.
        budget = budget < TimeSpan.Zero ? TimeSpan.Zero : budget > MaxBudget ? MaxBudget : budget;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(budget);
        List<RuleResultTree> priority = [];
        var running = RoutingWorkflows.Priority;
        async Task<List<RuleResultTree>> Execute(string workflow) =>
            rulesByCategory.WorkflowFor(workflow, report.Category) is { } split
                ? await engine.ExecuteAllRulesAsync(split, [parameter], deadline.Token)
                : [];

        var started = Stopwatch.GetTimestamp();
        try
        {
            priority = await Execute(RoutingWorkflows.Priority);
            running = RoutingWorkflows.Routing;
            var routing = await Execute(RoutingWorkflows.Routing);
            return new Run(priority, routing, Stopwatch.GetElapsedTime(started) > budget ? OverBudget(running, budget) : null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Run(priority, [], OverBudget(running, budget));
        }
    }

    static RuleFailure OverBudget(string workflow, TimeSpan budget) => new(workflow,
        $"the rules took longer than their budget of {budget.TotalMilliseconds:N0} ms for one report; it went to triage as well.");

    RoutingDecision Decide(ReportFacts report, Run run, ILogger log)
    {
        List<RuleFailure> failures = [];
        var bands = Matched(run.Priority, failures, log).Select(m => m.Spec).ToList();
        var matched = Matched(run.Routing, failures, log);
        var rules = matched.Select(m => m.Spec).ToList();

        var band = bands.Count == 0 ? LowestBand : bands.Aggregate(Tighter);
        var routes = matched
            .Select(rule => (Department: DepartmentFor(rule.Spec, report), Spec: Tighter(band, rule.Spec), rule.Reason))
            .GroupBy(r => r.Department)
            .Select(g => ToRoute(g.Key, g.Select(r => r.Spec).Aggregate(Tighter), [.. g.Select(r => r.Spec.RuleName)],
                Reason(g.Select(r => r.Reason))))
            .ToList();
        if (run.OverBudget is { } overBudget)
        {
            log.LogWarning("Ruleset v{Version}: {Workflow} {Error}", version, overBudget.Rule, overBudget.Error);
            failures.Add(overBudget);
        }
        if ((routes.Count == 0 || failures.Count > 0) && routes.All(r => r.Department != TriageDepartment))
            routes.Add(ToRoute(TriageDepartment, band, []));

        var notify = bands.Concat(rules).SelectMany(s => s.Notify).Distinct().ToList();
        var fired = bands.Concat(rules).Select(s => s.RuleName).ToList();
        return new RoutingDecision(version, routes, notify, fired, failures);
    }

    /// Every rule of the workflow, in its order; a rule the report's category ruled out did not match.
    IEnumerable<RuleOutcome> Trace(string workflow, List<RuleResultTree> results) =>
        Trace(workflow, workflows.Single(w => w.WorkflowName == workflow).Rules, results);

    /// Rules and the results RulesEngine gave for them (none for a disabled rule), nested rules inside their rule.
    static List<RuleOutcome> Trace(string workflow, IEnumerable<Rule> rules, IEnumerable<RuleResultTree> results)
    {
        var evaluated = results.GroupBy(r => r.Rule.RuleName).ToDictionary(g => g.Key, g => g.First());
        return [.. rules.Select(rule =>
        {
            var result = evaluated.GetValueOrDefault(rule.RuleName);
            List<RuleOutcome>? nested = rule.Rules?.Any() == true ? Trace(workflow, rule.Rules, result?.ChildResults ?? []) : null;
            return result is null
                ? new RuleOutcome(workflow, rule.RuleName, false, null, Enabled: rule.Enabled, Rules: nested)
                : new RuleOutcome(workflow, rule.RuleName, result.IsSuccess, RuleResults.FailureOf(result), RuleResults.ReasonOf(result),
                    Rules: nested);
        })];
    }

    string TriageDepartment => departments.First(d => d.Kind == Department.Triage).Id;

    /// The rules that matched, with their reasons; the rules that failed are added to `failures`, and logged.
    List<(RouteSpec Spec, string? Reason)> Matched(List<RuleResultTree> results, List<RuleFailure> failures, ILogger log)
    {
        List<(RouteSpec Spec, string? Reason)> matched = [];
        foreach (var result in results)
        {
            if (RuleResults.FailureOf(result) is { } failure)
            {
                log.LogWarning("Rule {Rule} of ruleset v{Version} failed: {Error}", result.Rule.RuleName, version, failure);
                failures.Add(new RuleFailure(result.Rule.RuleName, failure));
            }
            if (result.IsSuccess) matched.Add((specs[result.Rule.RuleName], RuleResults.ReasonOf(result)));
        }
        return matched;
    }

    /// The reasons of the rules that routed to one department, in rule order, each once; null when none says.
    static string? Reason(IEnumerable<string?> reasons) =>
        reasons.OfType<string>().Distinct().ToList() is { Count: > 0 } said ? string.Join("; ", said) : null;

    string DepartmentFor(RouteSpec rule, ReportFacts report)
    {
        if (rule.Department != RoutingWorkflows.VendorPlaceholder) return rule.Department!;
        var vendor = departments.FirstOrDefault(d => d.Kind == Department.Vendor && report.HasVendor &&
            (d.Id.Equals(report.Vendor, StringComparison.OrdinalIgnoreCase) ||
             d.Name.Equals(report.Vendor, StringComparison.OrdinalIgnoreCase)));
        return vendor?.Id ?? rule.FallbackDepartment!;
    }

    /// Merges two route specs: the more urgent priority and the tighter of each time limit.
    static RouteSpec Tighter(RouteSpec a, RouteSpec b) => b with
    {
        Priority = Min(a.Priority, b.Priority),
        AckWithin = Min(a.AckWithin, b.AckWithin),
        ResolveWithin = Min(a.ResolveWithin, b.ResolveWithin),
        FollowUpEvery = Min(a.FollowUpEvery, b.FollowUpEvery),
        ResolutionCheckAfter = Min(a.ResolutionCheckAfter, b.ResolutionCheckAfter),
        Notify = [.. a.Notify.Union(b.Notify)],
        Time = Faster(a, b),
    };

    /// Two rules' `time`: a window either counts around the clock (as set, or by default) counts
    /// so, as it falls due sooner; null when neither says anything.
    static IReadOnlyDictionary<string, string>? Faster(RouteSpec a, RouteSpec b) =>
        a.Time is null && b.Time is null ? null
            : RouteSpec.Windows.ToDictionary(w => w, w =>
                a.CalendarTimeWindows.Contains(w) || b.CalendarTimeWindows.Contains(w) ? RouteSpec.CalendarTime : RouteSpec.Business);

    static string? Min(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;
    static TimeSpan? Min(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;

    Route ToRoute(string department, RouteSpec spec, IReadOnlyList<string> matchedRules, string? reason = null) => new(
        department,
        spec.Priority ?? LowestBand.Priority!,
        spec.AckWithin ?? LowestBand.AckWithin!.Value,
        spec.ResolveWithin ?? LowestBand.ResolveWithin!.Value,
        spec.FollowUpEvery,
        spec.ResolutionCheckAfter,
        matchedRules,
        departments.First(d => d.Id == department).LifecycleId,
        reason,
        spec.CalendarTimeWindows,
        CalendarOf(department));

    /// The department's calendar in this version; null when it names none.
    public Calendar? CalendarOf(string department) =>
        departments.FirstOrDefault(d => d.Id == department)?.Calendar is { } id ? calendars.FirstOrDefault(c => c.Id == id) : null;
}
