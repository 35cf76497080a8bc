namespace Routing.Rules.Rulesets;

/// One problem found in a ruleset, naming the rule (or the file part) it is in.
public sealed record RuleError(string Rule, string Message);
