using System.Diagnostics;
using RulesEngine.Models;
using Routing.Engine.Reports;

namespace Routing.Rules.Rulesets;

/// Times the compiled rules on the largest report of each category before a draft is stored:
/// ExpressionCost bounds each rule from its expression; this catches what that bound lets
/// through and many rules together. A workflow over the budget is timed rule by rule to name
/// the slow ones.
internal static class RuleCostCheck
{
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromMilliseconds(100);
    // A busy machine can pause any one run: a workflow is slow only if it is slow every time.
    const int Tries = 3;

    public static async Task RunAsync(RulesEngine.RulesEngine engine, RulesByCategory rulesByCategory, TimeSpan budget, List<RuleError> errors)
    {
        var slow = new Dictionary<string, ReportFacts>();
        foreach (var category in ReportCategories.All)
        {
            var report = LargestReport.Of(category);
            foreach (var workflow in new[] { RoutingWorkflows.Priority, RoutingWorkflows.Routing })
                if (rulesByCategory.WorkflowFor(workflow, category) is { } split && !slow.ContainsKey(split) &&
                    await FastestAsync(engine, split, report, budget) > budget)
                    slow[split] = report;
        }

        var named = new HashSet<string>();
        foreach (var (split, report) in slow)
        {
            var workflow = rulesByCategory.Workflows.Single(w => w.WorkflowName == split);
            var rules = workflow.Rules.ToList();
            var alone = new RulesEngine.RulesEngine([.. rules.Select(r => new Workflow
                { WorkflowName = r.RuleName, GlobalParams = workflow.GlobalParams, Rules = [r] })],
                RulesEngineSettings.Restricted);
            var any = false;
            foreach (var rule in rules)
            {
                // A rule sits in several split workflows: it is named once.
                if (named.Contains(rule.RuleName)) { any = true; continue; }
                if (await FastestAsync(alone, rule.RuleName, report, budget) is var took && took <= budget) continue;
                errors.Add(new(rule.RuleName, $"on the largest report there can be, the rule takes {took.TotalMilliseconds:N0} ms " +
                                              $"(at most {budget.TotalMilliseconds:N0} ms): make it cheaper."));
                named.Add(rule.RuleName);
                any = true;
            }
            var together = new RuleError(rulesByCategory.SourceOf(split), "on the largest report there can be, the workflow's rules " +
                                         $"together take longer than {budget.TotalMilliseconds:N0} ms: make them fewer or cheaper.");
            if (!any && !errors.Contains(together)) errors.Add(together);
        }
    }

    /// The shortest of a few runs, stopping at the first within the budget. The first run
    /// compiles the workflow's rules, so it is not timed.
    static async Task<TimeSpan> FastestAsync(RulesEngine.RulesEngine engine, string workflow, ReportFacts report, TimeSpan budget)
    {
        var parameter = new RuleParameter(RoutingWorkflows.ReportParameter, report);
        await engine.ExecuteAllRulesAsync(workflow, parameter);
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < Tries && fastest > budget; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await engine.ExecuteAllRulesAsync(workflow, parameter);
            var took = Stopwatch.GetElapsedTime(started);
            if (took < fastest) fastest = took;
        }
        return fastest;
    }
}
