using Routing.Engine.Store;

namespace Routing.Engine.Metrics;

/// The median and 90th percentile of a time per key, counted by the database. Both providers answer
/// percentile_cont (linear interpolation between the ranks ⌊(n−1)p⌋ and ⌈(n−1)p⌉), so they give the same numbers.
internal interface IPercentiles
{
    /// `key` and `took` are SQL expressions over `source` (a FROM clause with its WHERE), whose parameters are {0}, {1}, …
    Task<List<KeyedSpread>> ReadAsync(RoutingDb db, string key, string took, string source, object[] parameters, CancellationToken ct);
}

/// A spread per key, in whole seconds.
internal sealed record KeyedSpread(string Key, Spread Spread);
