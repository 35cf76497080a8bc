namespace Routing.Workflows.WorkItems;

/// What moves a work item: the first six come from people, the rest from timers.
public enum WorkItemTrigger
{
    Acknowledge,
    Start,
    Resolve,
    HandBack,
    Cancel,
    Comment,
    Escalate,
    Reopen,
    Verify,
}
