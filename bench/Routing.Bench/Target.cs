using System.Globalization;
using System.Text.Json.Nodes;

namespace Routing.Bench;

/// One target of the bench, machine-readable: a figure measured against a limit. `Ratio` is
/// measured ÷ limit when more is better and limit ÷ measured when less is better, so a ratio of
/// 1 or more is always a target met; `Measured` is null (and so are `Ratio` and `Met`) when the
/// suite did not run or could not measure it. `Detail` is the measured column of the tables.
internal sealed record Target(string Name, double? Measured, double Limit, string Unit, string Better, string Detail)
{
    public const string More = "more";
    public const string Less = "less";

    /// A target met when the figure is `limit` or more (a rate).
    public static Target AtLeast(string name, double measured, double limit, string unit, string detail) =>
        new(name, Figure(measured), limit, unit, More, Figure(measured) is null ? "not run" : detail);

    /// A target met when the figure is `limit` or less (a latency, a duration).
    public static Target AtMost(string name, double measured, double limit, string unit, string detail) =>
        new(name, Figure(measured), limit, unit, Less, Figure(measured) is null ? "not run" : detail);

    /// A target whose suite did not run.
    public static Target NotRun(string name, double limit, string unit, string better, string detail = "not run") =>
        new(name, null, limit, unit, better, detail);

    public double? Ratio => Measured is not { } m || !double.IsFinite(Limit) ? null
        : Better == More ? m / Limit : m > 0 ? Limit / m : null;

    public bool? Met => Measured is not { } m || !double.IsFinite(Limit) ? null : Better == More ? m >= Limit : m <= Limit;

    /// Its entry in latest.json's `Targets`.
    public JsonObject ToJson() => new()
    {
        ["name"] = Name, ["measured"] = Measured, ["limit"] = double.IsFinite(Limit) ? Limit : null, ["unit"] = Unit,
        ["better"] = Better, ["ratio"] = Ratio, ["met"] = Met, ["detail"] = Detail,
    };

    /// The row of the Targets table in latest.md and the README.
    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Detail} | {(Ratio is { } r ? $"{r:F2}" : "")} | {Met switch { true => "met", false => "not met", null => "not measured" }} |");

    public const string Header = "| target | measured | ratio | |\n|---|---|---|---|";

    // A NaN or infinite figure (a suite's fragment missing a number) is not a measurement.
    static double? Figure(double value) => double.IsFinite(value) ? value : null;
}
