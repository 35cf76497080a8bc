using System.Reflection;
using System.Text.RegularExpressions;
using Routing.Engine.Reports;

namespace Routing.Rules.Rulesets;

/// Rule expressions are code admins write: they may read the report and use a small set
/// of string, number and collection operations, nothing else. An allow-list of the names
/// an expression may use shuts out IO, reflection, processes, types and assemblies even
/// where Dynamic LINQ would let them through.
internal static partial class ExpressionGuard
{
    public const int MaxLength = 2_000;
    // Nested lambdas multiply work (12 months ^ depth); a rule needs one or two.
    const int MaxLambdas = 3;

    static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        RoutingWorkflows.ReportParameter, "true", "false", "null", "and", "or", "not", "in", "it", "np", "iif",
        // strings
        "string", "String", "Contains", "StartsWith", "EndsWith", "ToLower", "ToUpper", "ToLowerInvariant",
        "ToUpperInvariant", "Trim", "Length", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Equals", "IndexOf", "Substring",
        // numbers
        "int", "double", "decimal", "Math", "Abs", "Round", "Floor", "Ceiling",
        // collections
        "Count", "Any", "All", "Sum", "Min", "Max", "Average", "Where", "Select",
    };

    static readonly HashSet<string> FactNames = typeof(ReportFacts).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Concat(typeof(SegmentFacts).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        .Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    /// Null when the expression only uses what rules may use; otherwise why not.
    public static string? Check(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) return "the expression is empty.";
        if (expression.Length > MaxLength) return $"the expression is longer than {MaxLength} characters.";

        var lambdas = LambdaParameter().Matches(expression);
        if (lambdas.Count > MaxLambdas) return $"the expression has more than {MaxLambdas} lambdas.";
        var lambdaParameters = lambdas.Select(m => m.Groups[1].Value).ToHashSet();
        var forbidden = Token().Matches(expression)
            .Select(m => m.Value)
            .Where(t => t[0] is not ('"' or '\''))
            .Where(t => !Allowed.Contains(t) && !FactNames.Contains(t) && !lambdaParameters.Contains(t))
            .Distinct()
            .ToList();
        return forbidden.Count == 0
            ? null
            : $"uses {string.Join(", ", forbidden.Select(f => $"'{f}'"))}: expressions may only read the report's fields " +
              "and use simple string, number and collection operations.";
    }

    // String and character literals first, so that words inside them are not taken for names.
    [GeneratedRegex("""
        "(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|@?[A-Za-z_][A-Za-z0-9_]*
        """)]
    private static partial Regex Token();

    [GeneratedRegex(@"\b([A-Za-z_][A-Za-z0-9_]*)\s*=>")]
    private static partial Regex LambdaParameter();
}
