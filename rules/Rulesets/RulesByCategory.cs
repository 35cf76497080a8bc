using System.Linq.Expressions;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using Routing.Engine.Reports;

namespace Routing.Rules.Rulesets;

/// A ruleset's workflows split by report category, so that a report is evaluated only
/// against the rules its category can match. RulesEngine evaluates every rule of a
/// workflow; with a thousand rules that is most of the cost of routing a report.
///
/// A rule is left out of a category only where that cannot change an outcome: its
/// expression starts with a test of the category (`report.Category == "supply" && …`, or
/// several such tests joined by ||) that the category fails, so RulesEngine would have
/// stopped there too, without matching and without an error.
internal sealed class RulesByCategory
{
    // For each workflow of the ruleset: its split workflow per category, and the one for all other categories.
    readonly Dictionary<string, (Dictionary<string, string> ByCategory, string? Others)> names;
    readonly Dictionary<string, string> sources;

    RulesByCategory(Dictionary<string, (Dictionary<string, string>, string?)> names, Dictionary<string, string> sources) =>
        (this.names, this.sources) = (names, sources);

    /// The split workflows, to give RulesEngine in place of the ruleset's own.
    public required IReadOnlyList<Workflow> Workflows { get; init; }

    /// The split workflow holding the rules of `workflow` that a report of `category` can
    /// match; null when there are none.
    public string? WorkflowFor(string workflow, string? category)
    {
        var (byCategory, others) = names[workflow];
        return category is not null && byCategory.TryGetValue(category, out var name) ? name : others;
    }

    /// The ruleset's workflow a split workflow was made from.
    public string SourceOf(string splitWorkflow) => sources[splitWorkflow];

    public static RulesByCategory Build(IEnumerable<Workflow> workflows)
    {
        var parser = new RuleExpressionParser(RulesEngineSettings.Restricted);
        var report = Expression.Parameter(typeof(ReportFacts), RoutingWorkflows.ReportParameter);
        var names = new Dictionary<string, (Dictionary<string, string>, string?)>();
        var sources = new Dictionary<string, string>();
        var split = new List<Workflow>();
        foreach (var workflow in workflows)
        {
            // Numbered, so that no category, however named, makes two split workflows share a name.
            string Add(IEnumerable<Rule> rules)
            {
                var name = $"{workflow.WorkflowName} #{split.Count + 1}";
                split.Add(new Workflow { WorkflowName = name, GlobalParams = workflow.GlobalParams, Rules = [.. rules] });
                sources[name] = workflow.WorkflowName;
                return name;
            }

            var rules = (workflow.Rules ?? []).Select(r => (Rule: r, Categories: CategoriesOf(r, parser, report))).ToList();
            var byCategory = rules.SelectMany(r => r.Categories ?? []).Distinct(StringComparer.Ordinal).ToDictionary(
                c => c, c => Add(rules.Where(r => r.Categories?.Contains(c) != false).Select(r => r.Rule)), StringComparer.Ordinal);
            var others = rules.Where(r => r.Categories is null).Select(r => r.Rule).ToList();
            // RulesEngine refuses a workflow without rules: keep an empty one only where the
            // ruleset's own workflow is empty, so that compiling it says so.
            names[workflow.WorkflowName] = (byCategory, others.Count > 0 || byCategory.Count == 0 ? Add(others) : null);
        }
        return new RulesByCategory(names, sources) { Workflows = split };
    }

    /// The categories a rule can match, or null when it may match any. An expression that does
    /// not parse may match any: compiling the ruleset reports it. So may a rule of nested rules,
    /// and one whose expression uses GlobalParams or LocalParams: this reads the report alone.
    static HashSet<string>? CategoriesOf(Rule rule, RuleExpressionParser parser, ParameterExpression report)
    {
        if (rule.Rules?.Any() == true || string.IsNullOrWhiteSpace(rule.Expression)) return null;
        Expression parsed;
        try
        {
            parsed = parser.Parse(rule.Expression, [report], typeof(bool));
        }
        catch (Exception)
        {
            return null;
        }
        // The leftmost test of an && chain is evaluated first, and alone decides a false.
        while (parsed is BinaryExpression { NodeType: ExpressionType.AndAlso } and)
            parsed = and.Left;
        return Tested(parsed, report);
    }

    static HashSet<string>? Tested(Expression test, ParameterExpression report) => test switch
    {
        BinaryExpression { NodeType: ExpressionType.OrElse } or =>
            Tested(or.Left, report) is { } left && Tested(or.Right, report) is { } right ? [.. left, .. right] : null,
        BinaryExpression { NodeType: ExpressionType.Equal } equal when IsCategory(equal.Left, report) && equal.Right is ConstantExpression { Value: string value } =>
            [value],
        BinaryExpression { NodeType: ExpressionType.Equal } equal when IsCategory(equal.Right, report) && equal.Left is ConstantExpression { Value: string value } =>
            [value],
        _ => null,
    };

    static bool IsCategory(Expression e, ParameterExpression report) =>
        e is MemberExpression { Member.Name: nameof(ReportFacts.Category) } member && member.Expression == report;
}
