using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using RulesEngine.ExpressionBuilders;
using Routing.Engine.Reports;

namespace Routing.Rules.Rulesets;

/// Rule expressions are code admins write: they may read the report and use a small set
/// of string, number and collection operations, nothing else. An allow-list of the names
/// an expression may use shuts out IO, reflection, processes, types and assemblies even
/// where Dynamic LINQ would let them through. Their cost is bounded too (ExpressionCost).
internal static partial class ExpressionGuard
{
    public const int MaxLength = 2_000;
    // Dynamic LINQ parses brackets and prefix operators recursively: deep nesting would
    // exhaust the stack of the thread that parses it, which ends the process.
    const int MaxNesting = 12;

    // Dynamic LINQ reads its keywords without regard to case (RulesEngine leaves
    // IsExpressionCaseSensitive off): RulesEngine's docs write AND, others And.
    static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "null", "and", "or", "not", "in", "it", "np", "iif",
    };

    static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        RoutingWorkflows.ReportParameter,
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

    static readonly ParameterExpression Report = Expression.Parameter(typeof(ReportFacts), RoutingWorkflows.ReportParameter);
    // One for the process: a new parser scans every loaded assembly for Dynamic LINQ types
    // on its first parse. Parsing with a shared configuration is thread-safe.
    static readonly RuleExpressionParser Parser = new(RulesEngineSettings.Restricted);

    /// Null when the expression only uses what rules may use, at a bounded cost; otherwise why not.
    /// An expression that does not parse passes: compiling the ruleset reports it in RulesEngine's words;
    /// one that uses GlobalParams or LocalParams (`scope`, besides the report) is refused.
    public static string? Check(string? expression, ScopedParams? scope = null) =>
        Measure(expression, scope ?? ScopedParams.None, typeof(bool), out _);

    /// One rule's expression alone, as the console's rules editor checks it while an admin types:
    /// the guard above, then whether it reads as a condition on the report the way RulesEngine
    /// compiles it (an unknown field, a text compared with a number…). Null when it would pass;
    /// else why not and, when the parser names one, the place (0-based) it stopped at.
    /// Names declared in GlobalParams or LocalParams are unknown here: the draft checks those.
    public static (string Error, int? Position)? CheckAlone(string expression)
    {
        if (Check(expression) is { } refused) return (refused, null);
        try
        {
            Parser.Parse(expression, [Report], typeof(bool));
            return null;
        }
        catch (Exception e)
        {
            // RulesEngine wraps Dynamic LINQ's ParseException, which knows the place.
            var parse = e;
            while (parse is not (null or System.Linq.Dynamic.Core.Exceptions.ParseException)) parse = parse.InnerException;
            return parse is System.Linq.Dynamic.Core.Exceptions.ParseException p
                ? ($"the expression does not compile: {p.Message}", p.Position)
                : ($"the expression does not compile: {e.Message}", null);
        }
    }

    /// The same for the expression of a GlobalParam or LocalParam, which may be of any type; `value`
    /// is the parsed expression, for the names declared after it (ScopedParams.With).
    /// One that does not parse is refused here: what uses it could not be measured.
    public static string? CheckParam(string? expression, ScopedParams scope, out Expression? value)
    {
        if (Measure(expression, scope, null, out value) is { } error) return error;
        return value is null ? $"the expression does not parse: {ParseError(expression!, scope)}" : null;
    }

    /// Whether a name already means something in an expression (the report, a keyword or an
    /// operation), so that a GlobalParam or LocalParam may not take it. A field's name may be
    /// taken: a field is always read through `report.`.
    public static bool IsReserved(string name) =>
        Keywords.Contains(name) || Allowed.Contains(name, StringComparer.OrdinalIgnoreCase);

    static string? Measure(string? expression, ScopedParams scope, Type? type, out Expression? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(expression)) return "the expression is empty.";
        if (expression.Length > MaxLength) return $"the expression is longer than {MaxLength} characters.";

        var code = Token().Replace(expression, t => t.Value[0] is '"' or '\'' ? "\"\"" : t.Value);
        if (Nesting(code) > MaxNesting || PrefixRun().IsMatch(code))
            return $"the expression nests brackets or prefix operators more than {MaxNesting} deep.";

        var lambdaParameters = LambdaParameter().Matches(expression).Select(m => m.Groups[1].Value).ToHashSet();
        var forbidden = Token().Matches(expression)
            .Where(m => m.Value[0] is not ('"' or '\''))
            // After a dot a name is a member: only the allowed ones and the report's fields. A param
            // or lambda parameter named `GetType` must not open `x.GetType()`.
            .Where(m => IsMember(expression, m.Index)
                ? !Allowed.Contains(m.Value) && !FactNames.Contains(m.Value)
                : !Keywords.Contains(m.Value) && !Allowed.Contains(m.Value) && !FactNames.Contains(m.Value) &&
                  !lambdaParameters.Contains(m.Value) && !scope.Declares(m.Value))
            .Select(m => m.Value)
            .Distinct()
            .ToList();
        if (forbidden.Count > 0)
            return $"uses {string.Join(", ", forbidden.Select(f => $"'{f}'"))}: expressions may only read the report's fields " +
                   "and use simple string, number and collection operations.";

        Expression parsed;
        try
        {
            parsed = Parser.Parse(expression, [Report, .. scope.Parameters], type);
        }
        catch (Exception e)
        {
            // With names in scope, what this parser cannot read might still be read by RulesEngine
            // (a name spelt like a type, `long`), and would then run unmeasured.
            return scope.Parameters.Any() && !scope.Refused ? $"the expression does not parse: {e.Message}" : null;
        }
        value = parsed;
        return ExpressionCost.Check(parsed, scope);
    }

    static string ParseError(string expression, ScopedParams scope)
    {
        try
        {
            Parser.Parse(expression, [Report, .. scope.Parameters], null);
            return "";
        }
        catch (Exception e)
        {
            return e.Message;
        }
    }

    static bool IsMember(string expression, int index)
    {
        var i = index - 1;
        while (i >= 0 && char.IsWhiteSpace(expression[i])) i--;
        return i >= 0 && expression[i] == '.';
    }

    static int Nesting(string code)
    {
        int depth = 0, deepest = 0;
        foreach (var c in code)
        {
            if (c is '(' or '[' or '{') deepest = Math.Max(deepest, ++depth);
            else if (c is ')' or ']' or '}') depth--;
        }
        return deepest;
    }

    // String and character literals first, so that words inside them are not taken for names.
    [GeneratedRegex("""
        "(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|@?[A-Za-z_][A-Za-z0-9_]*
        """)]
    private static partial Regex Token();

    [GeneratedRegex(@"\b([A-Za-z_][A-Za-z0-9_]*)\s*=>")]
    private static partial Regex LambdaParameter();

    // More than MaxNesting prefix operators in a row ("!!!!…", "- - -…", "not not …"); "!=" is not one.
    [GeneratedRegex(@"(?:(?:!(?!=)|-|\+|~|\bnot\b)\s*){13,}", RegexOptions.IgnoreCase)]
    private static partial Regex PrefixRun();
}
