using System.Collections;
using System.Linq.Expressions;
using Routing.Engine.Reports;

namespace Routing.Rules.Rulesets;

/// Bounds what one evaluation of a rule can cost, from its parsed expression tree, whatever
/// the report. A loop over a list or a string (`Any`, `Count`, `Where`… with `x =>` or with
/// the implicit `it`) runs its body once per item, so nested loops multiply: eight nested
/// `Any(` over the months took 13.8 s per report. Every item count is taken at its largest
/// (ReportFacts.LongestText), so the bound holds for any report that passes validation.
internal sealed class ExpressionCost : ExpressionVisitor
{
    const int MaxLambdas = 3;
    // A rule needs one loop, sometimes a loop in a loop.
    const int MaxLambdaNesting = 2;
    const int MaxDepth = 100;
    // Steps (a node, or one item of a scanned string or list) per evaluation: ~ milliseconds.
    const long MaxCost = 1_000_000;
    const long Items = ReportFacts.LongestText;

    long weight = 1, cost;
    int lambdas, nesting, deepestNesting, depth, deepest;

    public static string? Check(Expression parsed)
    {
        var measured = new ExpressionCost();
        measured.Visit(parsed);
        if (measured.deepestNesting > MaxLambdaNesting)
            return $"the expression nests loops over lists or strings (Any, All, Count, Where, Select… with or without =>) " +
                   $"{measured.deepestNesting} deep; at most {MaxLambdaNesting} are allowed.";
        if (measured.lambdas > MaxLambdas)
            return $"the expression has {measured.lambdas} loops over lists or strings; at most {MaxLambdas} are allowed.";
        if (measured.deepest > MaxDepth)
            return $"the expression is nested more than {MaxDepth} operations deep.";
        if (measured.cost > MaxCost)
            return $"the expression may take up to {measured.cost:N0} steps for one report (at most {MaxCost:N0}): " +
                   "it scans strings or lists inside loops; test the cheap conditions first or split the rule.";
        return null;
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null) return null;
        cost += weight;
        deepest = Math.Max(deepest, ++depth);
        var visited = base.Visit(node);
        depth--;
        return visited;
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        lambdas++;
        deepestNesting = Math.Max(deepestNesting, ++nesting);
        var outer = weight;
        // Capped, so that deep nesting cannot overflow; it is refused anyway.
        weight = Math.Min(weight * Items, MaxCost + 1);
        Visit(node.Body);
        weight = outer;
        nesting--;
        return node;
    }

    // A call that reads a whole string or list (Contains, IndexOf, ToLower, Count(), Sum()…) costs its length.
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (Scans(node.Object?.Type) || node.Arguments.Any(a => Scans(a.Type)))
            cost += weight * Items;
        return base.VisitMethodCall(node);
    }

    static bool Scans(Type? type) => type is not null && (type == typeof(string) || typeof(IEnumerable).IsAssignableFrom(type));
}
