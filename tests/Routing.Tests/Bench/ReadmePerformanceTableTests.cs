using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Bench;

/// The README's performance table is drawn by the bench from bench/results/latest.json
/// (bench/run.sh rewrites it between its markers), never typed.
public sealed class ReadmePerformanceTableTests
{
    [Fact]
    public void Readme_lists_every_target_of_the_latest_results_met_or_not_as_they_say()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "README.md"));
        var start = readme.IndexOf("<!-- bench:targets", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- /bench:targets -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the README's performance table has lost its markers: bench/run.sh cannot rewrite it");
        var rows = readme[start..end].Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| target |", StringComparison.Ordinal)).ToList();

        var latest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFolder.Root, "bench", "results", "latest.json")))!;
        // An older latest.json names its targets' fields in PascalCase, as its other figures.
        var targets = latest["Targets"]!.AsArray().Select(t => (Name: (string)(t!["name"] ?? t["Target"])!, Met: (bool?)(t["met"] ?? t["Met"]))).ToList();

        Assert.NotEmpty(targets);
        Assert.Equal(targets.Select(t => t.Name), rows.Select(r => r.Split(" | ")[0][2..]));
        Assert.Equal(targets.Select(t => t.Met switch { true => "met", false => "not met", null => "not measured" }),
            rows.Select(r => r.Split(" | ")[^1].TrimEnd(' ', '|')));
    }
}
