using System.Globalization;
using System.Text.RegularExpressions;
using Routing.Engine.Effectiveness;
using Routing.Host.Pages.Console;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.WebConsole;

/// A fix's chart as drawn: the target and the baseline where the scale puts them, the fix's
/// marker on its day, the line changing style there, and names that are text, not markup.
public sealed class EffectivenessChartTests
{
    // The plot runs from y = 48 (the scale's top) down to y = 214 (0%), 166 high.
    const double PlotTop = 48, PlotBottom = 214;

    static readonly EffectivenessMonth[] Autumn =
        [new(202610, 10, 1_000), new(202611, 8, 1_000), new(202612, 1, 1_000)];

    [Fact]
    public void The_target_line_sits_at_its_rate_on_a_scale_that_tops_at_the_highest_rate()
    {
        var svg = EffectivenessChart.Draw(Autumn, new DateOnly(2026, 11, 30), 0.005, null, "fix", "Rate");

        // The highest rate, 1%, is the scale's top: 0.5% is halfway down the plot.
        Assert.Contains(">1%</text>", svg);
        Assert.Equal((PlotTop + PlotBottom) / 2, Level(svg, "target"));
        Assert.Contains(">target</text>", svg);
        Assert.Contains(">Target 0.50%</text>", svg);
    }

    [Fact]
    public void The_scale_holds_the_target_and_the_baseline_above_every_rate()
    {
        var svg = EffectivenessChart.Draw([new(202611, 1, 1_000), new(202612, 1, 1_000)], new DateOnly(2026, 12, 1), 0.003, 0.008, "fix", "Rate");

        Assert.Contains(">1%</text>", svg); // 0.8% rounds up to 1%
        Assert.Equal(PlotBottom - 0.8 * (PlotBottom - PlotTop), Level(svg, "baseline"), 1);
        Assert.Equal(PlotBottom - 0.3 * (PlotBottom - PlotTop), Level(svg, "target"), 1);
        Assert.Contains(">baseline</text>", svg);
        Assert.Contains(">Baseline 0.80%</text>", svg);
    }

    [Fact]
    public void The_fix_is_marked_on_its_day_between_the_points_of_its_month_and_the_next()
    {
        var svg = EffectivenessChart.Draw(Autumn, new DateOnly(2026, 11, 30), 0.005, 0.004, "fix", "Rate");

        // Points sit in the middle of their months: October and November are before the fix
        // (dots), December after it (a square).
        var dots = Points(svg, "<circle cx=\"([^\"]+)\" cy=\"([^\"]+)\" r=\"3\" fill=\"#b00020\">").ToList();
        var squares = Points(svg, "<rect x=\"([^\"]+)\" y=\"([^\"]+)\" width=\"6\"").Select(p => (p.X + 3, p.Y + 3)).ToList();
        Assert.Equal(2 + 1, dots.Count);    // and the legend's
        Assert.Equal(1 + 1, squares.Count); // and the legend's
        var november = dots[1].X;
        var december = squares[0].Item1;
        // The 30th of November is 29/30 of the way through it, from its middle (its point) that is 29/30 − 1/2 of a month.
        var fix = FixX(svg);
        Assert.InRange(fix, november, december);
        Assert.Equal(29.0 / 30 - 0.5, (fix - november) / (december - november), 2);
        Assert.Contains(">fix</text>", svg);

        // The line is red up to the marker and green from it.
        var lines = Regex.Matches(svg, "<polyline points=\"([^\"]+)\"[^>]*stroke=\"(#[0-9a-f]+)\"").Select(m => (Points: m.Groups[1].Value.Split(' '), Colour: m.Groups[2].Value)).ToList();
        Assert.Equal(["#b00020", "#1b6e3a"], lines.Select(l => l.Colour));
        Assert.Equal(3, lines[0].Points.Length);
        Assert.Equal(lines[0].Points[^1], lines[1].Points[0]);
        Assert.Equal(fix, double.Parse(lines[0].Points[^1].Split(',')[0], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Without_a_baseline_there_is_no_baseline_line_nor_its_name()
    {
        var svg = EffectivenessChart.Draw(Autumn, new DateOnly(2026, 11, 30), 0.005, null, "fix", "Rate");

        Assert.DoesNotContain("chart-baseline", svg);
        Assert.DoesNotContain("baseline", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("stroke-dasharray=\"2 3\"", svg);
    }

    [Fact]
    public void The_title_is_text_not_markup()
    {
        var svg = EffectivenessChart.Draw(Autumn, new DateOnly(2026, 11, 30), 0.005, 0.004, "effect", "HX-200 <heater> & \"Michigan\"");

        Assert.Contains("<title id=\"effect-title\">HX-200 &lt;heater&gt; &amp; &quot;Michigan&quot;</title>", svg);
        Assert.Contains("aria-labelledby=\"effect-title\"", svg);
    }

    [Fact]
    public void One_month_is_a_point_in_the_middle_and_months_without_sales_draw_no_line()
    {
        var one = EffectivenessChart.Draw([new(202611, 3, 1_000)], new DateOnly(2026, 11, 16), 0.002, 0.001, "one", "One month");
        Assert.DoesNotContain("<polyline", one);
        Assert.Contains(">Nov 2026</text>", one);
        Assert.Contains(">0.5%</text>", one); // 0.3% rounds up to 0.5%
        // The 16th of November is halfway through it: the marker goes through the point, which is after the fix.
        Assert.Equal(Points(one, "<rect x=\"([^\"]+)\" y=\"([^\"]+)\" width=\"6\"").First().X + 3, FixX(one));

        var none = EffectivenessChart.Draw([new(202611, 0, 0), new(202612, 0, 0)], new DateOnly(2026, 11, 30), 0.005, null, "none", "Nothing sold");
        Assert.DoesNotContain("<polyline", none);
        Assert.Single(Regex.Matches(none, "<circle "));  // the legend's
        Assert.Single(Regex.Matches(none, "<rect "));    // the legend's
        Assert.Equal(PlotTop, Level(none, "target"));  // the target alone sets the scale: 0.5%
    }

    [Fact]
    public void A_fix_outside_the_months_is_marked_at_the_nearest_edge_and_says_which_way()
    {
        var earlier = EffectivenessChart.Draw(Autumn, new DateOnly(2026, 9, 12), 0.005, null, "fix", "Rate");
        Assert.Contains(">← fix</text>", earlier);
        Assert.Equal(46, FixX(earlier));
        Assert.Single(Regex.Matches(earlier, "<circle ")); // every month after it: only the legend has a dot

        var later = EffectivenessChart.Draw(Autumn, new DateOnly(2027, 1, 2), 0.005, null, "fix", "Rate");
        Assert.Contains(">fix →</text>", later);
        Assert.Equal(400 - 64, FixX(later));
        Assert.Single(Regex.Matches(later, "<rect ")); // every month before it
    }

    [Fact]
    public void The_committed_example_is_the_chart_as_drawn_today()
    {
        // A run that draws it differently writes the new drawing, for git diff to show, and fails once.
        var path = Path.Combine(RepositoryFolder.Root, "docs", "effectiveness-example.svg");
        var drawn = WorkedExample() + "\n";
        var committed = File.Exists(path) ? File.ReadAllText(path) : null;
        if (committed != drawn)
            File.WriteAllText(path, drawn);
        Assert.True(committed == drawn, $"{path} was not the chart as drawn: it is now; look at it and commit it.");
    }

    /// The README's worked example: HX-200 heaters in Michigan, 41 complaints on 3,900 units in
    /// the twelve months before the fix (30 Nov 2026), 3 on 4,100 in the month after it.
    internal static string WorkedExample()
    {
        int[] before = [3, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3]; // Dec 2025 … Nov 2026, 325 units a month
        var months = before.Select((complaints, i) => new EffectivenessMonth(i == 0 ? 202512 : 202600 + i, complaints, 325))
            .Append(new EffectivenessMonth(202612, 3, 4_100)).ToList();
        return EffectivenessChart.Draw(months, new DateOnly(2026, 11, 30), 0.0053, 0.004, "effectiveness",
            "HX-200 heater in Michigan: complaints per unit sold, month by month, before and after the fix of 30 Nov 2026");
    }

    static double Level(string svg, string name)
    {
        var line = Regex.Match(svg, $"<line class=\"chart-{name}\"[^>]* y1=\"([^\"]+)\" y2=\"([^\"]+)\"");
        Assert.True(line.Success, $"no {name} line");
        Assert.Equal(line.Groups[1].Value, line.Groups[2].Value);
        return double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    static double FixX(string svg) =>
        double.Parse(Regex.Match(svg, "<line class=\"chart-fix\" x1=\"([^\"]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);

    static IEnumerable<(double X, double Y)> Points(string svg, string pattern) =>
        Regex.Matches(svg, pattern).Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
}
