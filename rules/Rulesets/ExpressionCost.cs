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

    readonly ScopedParams scope;
    long weight = 1, cost;
    int lambdas, nesting, deepestNesting, depth, deepest;
    readonly Dictionary<Expression, long> lengths = new(ReferenceEqualityComparer.Instance);

    ExpressionCost(ScopedParams scope) => this.scope = scope;

    /// `scope`: the GlobalParams and LocalParams the expression may use, for the length of their texts.
    public static string? Check(Expression parsed, ScopedParams? scope = null)
    {
        var measured = new ExpressionCost(scope ?? ScopedParams.None);
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

    // A call that reads a whole string or list (Contains, IndexOf, ToLower, Count(), Sum()…) costs its length;
    // joining texts (`+` on texts, string.Concat) copies them, and a name built on names (ScopedParams) can
    // double a text's length each time.
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (IsJoin(node))
            cost += weight * LengthOf(node);
        else if (new[] { node.Object }.Concat(node.Arguments).Where(a => a is not null && Scans(a.Type)).Select(a => LengthOf(a!)).DefaultIfEmpty(0).Max()
                 is var longest and > 0)
            cost += weight * longest;
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (IsJoin(node)) cost += weight * LengthOf(node);
        return base.VisitBinary(node);
    }

    static bool IsJoin(Expression e) => e is BinaryExpression { NodeType: ExpressionType.Add } add && add.Type == typeof(string)
        || e is MethodCallExpression { Method.Name: nameof(string.Concat) } call && call.Method.DeclaringType == typeof(string);

    /// The longest a text or list can be: a joined text as long as its parts together, a name's
    /// value as long as it was found to be, any other at its longest.
    public static long LengthOf(Expression value, ScopedParams scope) => new ExpressionCost(scope).LengthOf(value);

    long LengthOf(Expression value)
    {
        if (lengths.TryGetValue(value, out var known)) return known;
        var length = value switch
        {
            UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert => LengthOf(convert.Operand),
            BinaryExpression add when IsJoin(add) => Math.Min(LengthOf(add.Left) + LengthOf(add.Right), MaxCost + 1),
            MethodCallExpression call when IsJoin(call) =>
                Math.Min(call.Arguments.SelectMany(a => a is NewArrayExpression array ? array.Expressions : [a]).Sum(LengthOf), MaxCost + 1),
            ConstantExpression { Value: string s } => s.Length,
            ParameterExpression name when scope.LengthOf(name) is { } declared => declared,
            _ => Items,
        };
        return lengths[value] = length;
    }

    static bool Scans(Type? type) => type is not null && (type == typeof(string) || typeof(IEnumerable).IsAssignableFrom(type));
}
