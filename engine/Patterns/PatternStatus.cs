namespace Routing.Engine.Patterns;

/// Where a candidate stands with the CSMs.
internal static class PatternStatus
{
    public const string Open = "open";
    public const string Submitted = "submitted";
    public const string Dismissed = "dismissed";

    public static readonly string[] All = [Open, Submitted, Dismissed];
}
