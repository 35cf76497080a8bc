namespace Routing.Rules.Rulesets;

/// What simulating a report gave: the version's evaluation, or why there is none.
internal abstract record SimulationOutcome
{
    public sealed record Done(int Version, Evaluation Evaluation) : SimulationOutcome;
    /// No report was given.
    public sealed record NoReport : SimulationOutcome;
    /// The report is not a valid verified pattern: errors by field ("report.title").
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SimulationOutcome;
    public sealed record NoSuchVersion : SimulationOutcome;
}
