using System.Linq.Expressions;

namespace Routing.Rules.Rulesets;

/// The GlobalParams and LocalParams (RulesEngine's ScopedParam) an expression can see: the
/// workflow's, then those of each enclosing rule, then the rule's own, each seeing the ones
/// before it. RulesEngine computes each once per rule and hands the expression its value, so
/// a name costs nothing where it is used, but a text built on texts can be long: each name
/// carries the longest its value can be, for ExpressionCost.
internal sealed class ScopedParams
{
    public static readonly ScopedParams None = new([]);

    readonly IReadOnlyList<(ParameterExpression Name, long Length)> declared;

    ScopedParams(IReadOnlyList<(ParameterExpression, long)> declared, bool refused = false) =>
        (this.declared, Refused) = (declared, refused);

    /// A name was refused (and stands for any value): what uses it is not refused again for that.
    public bool Refused { get; }

    /// Exactly as declared: ExpressionGuard allows a name only in its declared spelling.
    public bool Declares(string name) => declared.Any(d => d.Name.Name == name);

    /// Declared in any spelling: RulesEngine reads names without regard to case, so two that
    /// differ only by case are one name to it.
    public bool DeclaresAnyCase(string name) =>
        declared.Any(d => string.Equals(d.Name.Name, name, StringComparison.OrdinalIgnoreCase));

    /// The names as parameters of an expression, as RulesEngine passes them (typed by their values).
    public IEnumerable<ParameterExpression> Parameters => declared.Select(d => d.Name);

    /// The longest the value of one of these names can be (a text's characters); null for another parameter.
    public long? LengthOf(ParameterExpression name) => declared.FirstOrDefault(d => d.Name == name) is ({ }, var length) ? length : null;

    /// These and one more, whose value is the parsed `value` (an expression over the report and these names).
    public ScopedParams With(string name, Expression value) =>
        new([.. declared, (Expression.Parameter(value.Type, name), ExpressionCost.LengthOf(value, this))], Refused);

    /// These and a name that was refused.
    public ScopedParams WithRefused(string name) => new([.. declared, (Expression.Parameter(typeof(object), name), 0)], refused: true);
}
