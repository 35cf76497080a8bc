using Routing.Rules.Rulesets;

namespace Routing.Host.Rules;

/// One rule's expression checked alone, as the console's rules editor asks while an admin types:
/// the rules' own guard (ExpressionGuard: the report's fields, the operations rules may use, a
/// bounded cost) and whether it compiles as a condition on the report. Nothing is stored.
internal static class RuleExpressionCheck
{
    public sealed record ExpressionBody(string? Expression);
    /// `Column`: where in the expression (1-based) the parser stopped, when it says.
    public sealed record ExpressionChecked(bool Ok, string? Error = null, int? Column = null);

    // An expression is at most ExpressionGuard.MaxLength characters; the body a little more, escaped.
    const int MaxBodyBytes = 16 * 1024;

    /// Why the expression cannot be checked at all, by field; empty when it can.
    public static Dictionary<string, string[]> Refusals(string? expression) =>
        string.IsNullOrWhiteSpace(expression) ? new() { ["expression"] = ["is required."] }
        : expression.Length > ExpressionGuard.MaxLength ? new() { ["expression"] = [$"is longer than {ExpressionGuard.MaxLength} characters, the most a rule's expression may have."] }
        : [];

    public static ExpressionChecked Of(string expression) =>
        ExpressionGuard.CheckAlone(expression) is var (error, position)
            ? new(false, error, position is { } p ? Math.Min(p, expression.Length) + 1 : null)
            : new(true);

    public static async Task<IResult> CheckAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<ExpressionBody>(request, MaxBodyBytes, ct);
        if (body.Problem is not null) return body.Problem;
        var expression = body.Value!.Expression;
        if (Refusals(expression) is { Count: > 0 } refusals) return TypedResults.ValidationProblem(refusals);
        return TypedResults.Ok(Of(expression!));
    }
}
