using System.Text.RegularExpressions;
using RulesEngine.Models;

namespace Routing.Rules.Rulesets;

/// RulesEngine's rule members beyond one Expression, as Routing takes them: GlobalParams,
/// LocalParams and nested Rules joined by an Operator are checked like any expression (each
/// through ExpressionGuard, seeing only the names declared for it); what Routing cannot honour
/// is refused with the reason. Errors are under the top-level rule's name (the workflow's, for
/// GlobalParams), the place inside it first.
internal static partial class RuleFeatures
{
    public const int MaxParams = 20;
    // A reason is a phrase; it is stored with every report the rule routes.
    public const int MaxSuccessEvent = 200;
    public static readonly IReadOnlyList<string> Operators = ["And", "AndAlso", "Or", "OrElse"];

    const string ActionsRefused = "Actions are not run: a route comes from the rule's Properties, and an action is code run " +
        "after the match whose output nothing in Routing reads (OutputExpression) or that runs other rules (EvaluateRule). " +
        "Put the condition in the Expression or in nested Rules.";

    static string InjectRefused(string member) => $"{member} is not supported: Routing evaluates the Routing and Priority " +
        "workflows only, and injecting one into the other would make priority bands routes (or routes bands). " +
        "Write the rules where they apply; nested Rules can group them.";

    /// The workflow's GlobalParams, as the names its rules may use.
    public static ScopedParams GlobalsOf(Workflow workflow, List<RuleError> errors)
    {
        var owner = workflow.WorkflowName ?? "workflows";
        if (workflow.WorkflowsToInject?.Any() == true) errors.Add(new(owner, InjectRefused("WorkflowsToInject (or WorkflowRulesToInject)")));
        return Declare(workflow.GlobalParams, "GlobalParams", ScopedParams.None, owner, "", errors);
    }

    /// Checks a top-level rule and its nested rules, and writes each Operator as RulesEngine
    /// spells it: RulesEngine accepts "AND" or "and" and then fails the rule on every report.
    public static void Check(Rule rule, ScopedParams globals, List<RuleError> errors) =>
        Check(rule, rule.RuleName, "", globals, errors);

    static void Check(Rule rule, string owner, string place, ScopedParams outer, List<RuleError> errors)
    {
        void Refuse(string message) => errors.Add(new(owner, place + message));
        var scope = Declare(rule.LocalParams, "LocalParams", outer, owner, place, errors);
        if (rule.Actions is { OnSuccess: not null } or { OnFailure: not null }) Refuse(ActionsRefused);
        if (rule.WorkflowsToInject?.Any() == true) Refuse(InjectRefused("WorkflowsToInject"));
        if (rule.SuccessEvent?.Length > MaxSuccessEvent)
            Refuse($"the SuccessEvent has more than {MaxSuccessEvent} characters: it is the route's reason, shown and stored with every report it routes.");

        var nested = rule.Rules?.ToList() ?? [];
        if (nested.Count == 0)
        {
            if (rule.Operator is not null)
                Refuse($"the Operator '{rule.Operator}' joins nested Rules, and this rule has none: remove the Operator or add Rules.");
            else if (ExpressionGuard.Check(rule.Expression, scope) is { } unsafeExpression)
                Refuse(unsafeExpression);
            return;
        }
        if (Operators.FirstOrDefault(o => o.Equals(rule.Operator?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } op)
            rule.Operator = op;
        else
            Refuse($"a rule with nested Rules needs an Operator, one of {string.Join(", ", Operators)}" +
                   (rule.Operator is null ? "." : $"; '{rule.Operator}' is not one."));
        if (!string.IsNullOrWhiteSpace(rule.Expression))
            Refuse("a rule with nested Rules is decided by them and its Operator, and RulesEngine would ignore its Expression: " +
                   "move the Expression into a nested rule.");
        foreach (var twice in nested.Where(c => c?.RuleName is not null).GroupBy(c => c.RuleName).Where(g => g.Count() > 1))
            Refuse($"two nested rules are named '{twice.Key}': nested rules need names of their own, so that simulate can tell their outcomes apart.");
        for (var i = 0; i < nested.Count; i++)
        {
            var child = nested[i];
            if (child is null || string.IsNullOrWhiteSpace(child.RuleName))
            {
                Refuse($"nested rule {i + 1} needs a RuleName.");
                continue;
            }
            var inside = $"{place}nested rule '{child.RuleName}': ";
            if (child.Properties?.Count > 0)
                errors.Add(new(owner, inside + "Properties of a nested rule are not read: a route's department, priority and times " +
                                              "come from the top-level rule's Properties."));
            Check(child, owner, inside, scope, errors);
        }
    }

    /// Adds the params to the scope in order, each seeing those before it.
    static ScopedParams Declare(IEnumerable<ScopedParam>? declared, string member, ScopedParams scope, string owner, string place,
        List<RuleError> errors)
    {
        var list = declared?.ToList() ?? [];
        if (list.Count > MaxParams)
        {
            errors.Add(new(owner, $"{place}at most {MaxParams} {member} are allowed."));
            return scope;
        }
        foreach (var param in list)
        {
            var name = param?.Name;
            string? problem;
            System.Linq.Expressions.Expression? value = null;
            if (param is null || string.IsNullOrWhiteSpace(name) || !Name().IsMatch(name))
                problem = $"{member}: '{name}' is not a name (letters, digits and _, starting with a letter or _, at most 50).";
            else if (ExpressionGuard.IsReserved(name))
                problem = $"{member} '{name}': the name already means something in an expression (the report, a keyword " +
                          "or an operation); choose another.";
            else if (scope.DeclaresAnyCase(name))
                problem = $"{member} '{name}' is declared already (here, in GlobalParams or in an enclosing rule's LocalParams; " +
                          "names that differ only by case are the same to RulesEngine).";
            else
                problem = ExpressionGuard.CheckParam(param.Expression, scope, out value) is { } unsafeExpression
                    ? $"{member} '{name}': {unsafeExpression}"
                    : null;
            if (problem is null)
                scope = scope.With(name!, value!);
            else
            {
                errors.Add(new(owner, place + problem));
                // Still a name, so that what uses it is not refused again for that.
                if (name is not null && Name().IsMatch(name) && !scope.DeclaresAnyCase(name)) scope = scope.WithRefused(name);
            }
        }
        return scope;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,49}$")]
    private static partial Regex Name();
}
