namespace Routing.Engine.Effectiveness;

/// The verdict as the API, the history and webhooks say it.
internal static class EffectivenessVerdicts
{
    public const string Pending = "pending";
    public const string Effective = "effective";
    public const string NotEffective = "not-effective";
    public const string Inconclusive = "inconclusive";

    public static string Of(EffectivenessVerdict verdict) => verdict switch
    {
        EffectivenessVerdict.Effective => Effective,
        EffectivenessVerdict.NotEffective => NotEffective,
        _ => Inconclusive,
    };
}
