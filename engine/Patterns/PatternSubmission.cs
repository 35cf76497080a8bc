namespace Routing.Engine.Patterns;

/// The body of POST /api/patterns/{id}/submit: what the CSM adds to the candidate's numbers.
public sealed record PatternSubmission(string? Severity, string? Title, string? Recommendation, string? Description);

/// The body of POST /api/patterns/{id}/dismiss.
public sealed record PatternDismissal(string? Reason);
