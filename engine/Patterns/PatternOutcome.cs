using Routing.Engine.Intake;

namespace Routing.Engine.Patterns;

/// What submitting or dismissing a candidate came to.
public abstract record PatternOutcome
{
    public sealed record Submitted(ReportReceipt Receipt) : PatternOutcome;
    public sealed record Dismissed : PatternOutcome;
    public sealed record NotFound : PatternOutcome;
    /// It is not open: submitted already, or dismissed.
    public sealed record NotOpen(string Status) : PatternOutcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : PatternOutcome;
}
