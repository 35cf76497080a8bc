namespace Routing.Engine.Metrics;

/// The items a department owed at a moment (stage Acknowledgement or Resolution), by whole days since they opened.
internal sealed record Backlog(int Days0To2, int Days3To7, int Days8To30, int Over30)
{
    public int Total => Days0To2 + Days3To7 + Days8To30 + Over30;
}
