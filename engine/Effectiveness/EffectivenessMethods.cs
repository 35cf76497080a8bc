namespace Routing.Engine.Effectiveness;

/// How an item's fix is judged: by the segment's complaint rate, or — without complaint data and
/// units sold for its segment, or a report without numbers — by whether the pattern was reported again.
internal static class EffectivenessMethods
{
    public const string Measured = "measured";
    public const string Recurrence = "recurrence";
}
