namespace Routing.Engine.Departments;

/// A webhook secret being rotated out: deliveries carry its signature beside the current
/// secret's until `Until`, so a receiver can switch keys in its own time.
public sealed record PreviousSecret(string Secret, DateTimeOffset Until);
