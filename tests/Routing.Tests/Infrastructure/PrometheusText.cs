using System.Globalization;
using System.Text.RegularExpressions;

namespace Routing.Tests.Infrastructure;

/// A /metrics answer (Prometheus text format 0.0.4) read as samples: name, labels, value.
public sealed partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public IReadOnlyList<Sample> Samples { get; }

    PrometheusText(IReadOnlyList<Sample> samples) => Samples = samples;

    public static PrometheusText Parse(string text) => new([
        .. text.Split('\n').Where(line => line.Length > 0 && line[0] != '#').Select(line => SampleLine().Match(line)).Where(m => m.Success)
            .Select(m => new Sample(m.Groups["name"].Value,
                LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(p => p.Groups[1].Value, p => p.Groups[2].Value),
                double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))]);

    /// The sum of the samples of `name` that carry every given label ("key=value"); 0 when there is none.
    public double Sum(string name, params string[] labels) => Matching(name, labels).Sum(s => s.Value);

    public bool Has(string name, params string[] labels) => Matching(name, labels).Any();

    IEnumerable<Sample> Matching(string name, string[] labels) => Samples.Where(s => s.Name == name
        && labels.Select(l => l.Split('=', 2)).All(l => s.Labels.TryGetValue(l[0], out var v) && v == l[1]));

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
