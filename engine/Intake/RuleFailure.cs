namespace Routing.Engine.Intake;

/// A rule that threw while evaluating one report.
public sealed record RuleFailure(string Rule, string Error);
