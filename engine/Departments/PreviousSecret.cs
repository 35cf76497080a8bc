namespace Routing.Engine.Departments;

/// A webhook secret being rotated out: deliveries carry its signature beside the current
/// secret's until `Until`, so a receiver can switch keys in its own time.
public sealed record PreviousSecret(
    [property: System.ComponentModel.Description("The secret being rotated out (read back as its fingerprint).")] string Secret,
    [property: System.ComponentModel.Description("Until when it still signs (ISO 8601 date and time with offset).")] DateTimeOffset Until);
