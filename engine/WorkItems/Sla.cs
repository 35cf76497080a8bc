namespace Routing.Engine.WorkItems;

/// How long a department has to acknowledge and resolve, and when to follow up and check.
internal sealed record Sla(TimeSpan AckWithin, TimeSpan ResolveWithin, TimeSpan? FollowUpEvery, TimeSpan? ResolutionCheckAfter);
