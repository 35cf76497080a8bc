namespace Routing.Engine.Intake;

public abstract record IntakeOutcome
{
    public sealed record Accepted(ReportReceipt Receipt) : IntakeOutcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : IntakeOutcome;
    /// The Idempotency-Key was first used with another body.
    public sealed record KeyReused : IntakeOutcome;
}
