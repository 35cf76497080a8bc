using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Routing.Bench;

/// Scale-out on paper, from the CPU one report costs the host and PostgreSQL, and as measured:
/// one host pinned to one core, then two hosts (a core each) on one PostgreSQL.
internal static class ScaleOutResults
{
    /// Primaries the projection is made for: this machine's cores, and two larger ones.
    static readonly int[] PrimaryCores = [Environment.ProcessorCount, 8, 32];

    public static void Section(StringBuilder md, JsonNode? intake, JsonNode? one, JsonNode? two)
    {
        var host = (double?)intake?["HostCpuMsPerReport"];
        var postgres = (double?)intake?["PostgresCpuMsPerReport"];
        if (host is null || postgres is null) return;
        md.AppendLine("## Scale-out").AppendLine();
        md.AppendLine(Invariant($"CPU per report in intake's closed loop (user + system time from /proc over the loop, background work meanwhile included — sealing, the outbox, the clock — ÷ the requests answered, one in ten a retry): **host {host:F2} ms, PostgreSQL {postgres:F2} ms**."))
            .AppendLine();
        md.AppendLine("On paper: one host core stores at most 1000 / host ms reports/s, one PostgreSQL core at most 1000 / PostgreSQL ms. " +
                      "A primary of C cores then feeds C × host ms / PostgreSQL ms host cores, at C × 1000 / PostgreSQL ms reports/s. " +
                      "CPU only: it assumes PostgreSQL's work per report stays flat with more clients (WAL, locks, the network and the disk not counted), " +
                      "so it is an upper bound.").AppendLine();
        md.AppendLine("| PostgreSQL primary | host cores it can feed | projected reports/s |").AppendLine("|---|---|---|");
        md.AppendLine(Invariant($"| 1 core | {host / postgres:F1} | {1000 / postgres:F0} (one host core alone: {1000 / host:F0}) |"));
        foreach (var cores in PrimaryCores)
            md.AppendLine(Invariant($"| {cores} cores{(cores == Environment.ProcessorCount ? " (this machine's)" : "")} | {cores * host / postgres:F1} | {cores * 1000 / postgres:F0} |"));
        md.AppendLine();
        if (one is null || two is null)
        {
            md.AppendLine("Measured scale-out: not run (bench/run.sh runs it in a full run, not with --quick).").AppendLine();
            return;
        }
        double Rate(JsonNode run) => (double)run["MaxPerSecond"]!;
        string Cpu(JsonNode run, string name) => (double?)run[name] is { } ms ? Invariant($"{ms:F2} ms") : "";
        md.AppendLine("Measured: hosts pinned with `taskset`, on one PostgreSQL, closed loop with 32 connections per host. " +
                      $"Only {Environment.ProcessorCount} cores: PostgreSQL and the bench's client share them with the hosts, so a second host " +
                      "takes CPU from PostgreSQL and the ratio is a floor, not what a second machine would add.").AppendLine();
        md.AppendLine("| hosts | reports/s | host CPU/report | PostgreSQL CPU/report | ratio to one host |").AppendLine("|---|---|---|---|---|");
        md.AppendLine(Invariant($"| 1 (core 0) | {Rate(one):F0} | {Cpu(one, "HostCpuMsPerReport")} | {Cpu(one, "PostgresCpuMsPerReport")} | 1.00 |"));
        md.AppendLine(Invariant($"| 2 (cores 0 and 1) | {Rate(two):F0} | {Cpu(two, "HostCpuMsPerReport")} | {Cpu(two, "PostgresCpuMsPerReport")} | {Rate(two) / Rate(one):F2} |"));
        md.AppendLine();
    }

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
