using System.Text;
using System.Text.Json.Nodes;

namespace Routing.Bench;

/// The README's performance table, drawn from latest.json between two markers, so it is never typed.
internal static class Readme
{
    public const string Start = "<!-- bench:targets (written by bench/run.sh from bench/results/latest.json; do not edit) -->";
    public const string End = "<!-- /bench:targets -->";

    /// Rewrites the table between the markers; fails when they are missing, rather than leave a stale table.
    public static void Write(string readme, JsonNode latest)
    {
        var text = File.ReadAllText(readme);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
            throw new InvalidDataException($"{readme} has no performance table between \"{Start}\" and \"{End}\": put the two markers around it.");
        start += Start.Length;
        File.WriteAllText(readme, text[..start] + "\n" + Table(latest) + text[end..]);
        Console.WriteLine($"== wrote the performance table of {readme}");
    }

    /// The Targets table of latest.md, with where its figures come from.
    static string Table(JsonNode latest)
    {
        var md = new StringBuilder();
        md.Append($"From the run of {(DateTime?)latest["Date"]:yyyy-MM-dd HH:mm} UTC, commit `{latest["Commit"]}`{((bool?)latest["Quick"] == true ? " (quick run)" : "")}");
        if (latest["OtherSuitesFrom"] is { } other)
            md.Append($"; the suites that did not run then are from {(DateTime?)other["Date"]:yyyy-MM-dd HH:mm} UTC, commit `{other["Commit"]}`");
        md.AppendLine(". " + Results.TargetsNote).AppendLine().AppendLine(Target.Header);
        foreach (var t in Results.Targets(latest)) md.AppendLine(t.Row());
        return md.ToString();
    }
}
