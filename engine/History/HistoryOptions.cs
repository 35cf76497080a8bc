namespace Routing.Engine.History;

/// How soon written events are sealed into the hash chain.
/// <code>
/// "Routing": { "History": { "SealEvery": "00:00:01" } }
/// </code>
public sealed class HistoryOptions
{
    public const string Section = "Routing:History";

    /// Zero turns sealing off on this host (another host may seal; `verify` reports what is unsealed).
    public TimeSpan SealEvery { get; set; } = TimeSpan.FromSeconds(1);
}
