using System.Linq.Expressions;

namespace Routing.Rules.Rulesets;

/// The GlobalParams and LocalParams (RulesEngine's ScopedParam) an expression can see: the
/// workflow's, then those of each enclosing rule, then the rule's own, each seeing the ones
/// before it. A name stands for its value written out in full, so that ExpressionCost measures
/// an expression with what its names cost, and a chain of names cannot hide a growing cost.
internal sealed class ScopedParams
{
    public static readonly ScopedParams None = new([]);

    readonly IReadOnlyList<(ParameterExpression Name, Expression Value)> declared;

    ScopedParams(IReadOnlyList<(ParameterExpression, Expression)> declared) => this.declared = declared;

    /// Exactly as declared: ExpressionGuard allows a name only in its declared spelling.
    public bool Declares(string name) => declared.Any(d => d.Name.Name == name);

    /// Declared in any spelling: RulesEngine reads names without regard to case, so two that
    /// differ only by case are one name to it.
    public bool DeclaresAnyCase(string name) =>
        declared.Any(d => string.Equals(d.Name.Name, name, StringComparison.OrdinalIgnoreCase));

    /// The names as parameters of an expression, as RulesEngine passes them (typed by their values).
    public IEnumerable<ParameterExpression> Parameters => declared.Select(d => d.Name);

    /// These and one more, whose value is already written out in terms of the report.
    public ScopedParams With(string name, Expression value) => new([.. declared, (Expression.Parameter(value.Type, name), value)]);

    /// The expression with every name replaced by its value.
    public Expression WriteOut(Expression expression) =>
        declared.Count == 0 ? expression : new Substitution(declared.ToDictionary(d => d.Name, d => d.Value)).Visit(expression);

    sealed class Substitution(Dictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            values.TryGetValue(node, out var value) ? value : node;
    }
}
