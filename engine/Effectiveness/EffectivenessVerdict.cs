namespace Routing.Engine.Effectiveness;

/// The outcome of the check at the end of the observation window.
internal enum EffectivenessVerdict
{
    /// The after-rate is significantly below the before-rate (p < 0.05) and at or under the target.
    Effective,
    /// Not effective, with enough units sold after the fix to have shown it.
    NotEffective,
    /// Not effective so far, but on fewer units than the criterion's minimum exposure.
    Inconclusive,
}
