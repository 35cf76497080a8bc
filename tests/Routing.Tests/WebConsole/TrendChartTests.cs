using System.Text.RegularExpressions;
using Routing.Engine.Metrics;
using Routing.Host.Pages.Console;

namespace Routing.Tests.WebConsole;

/// The Accountability page's charts as drawn: lines told apart by dash and mark as well as colour,
/// broken where a period has no value; at most six period labels, the last among them; a scale
/// that holds the highest value; stacked backlog bars in proportion, each age with its own fill.
public sealed class TrendChartTests
{
    static readonly string[] Weeks = [.. Enumerable.Range(0, 12).Select(i => $"w{i + 1}")];

    [Fact]
    public void Two_lines_are_told_apart_by_dash_and_mark_and_a_period_without_a_value_breaks_its_line()
    {
        // Acknowledged within SLA every week; resolved within SLA has no value in week 5 (nothing resolved).
        double?[] acknowledged = [.. Enumerable.Range(0, 12).Select(i => (double?)(0.5 + i * 0.02))];
        double?[] resolved = [.. Enumerable.Range(0, 12).Select(i => i == 4 ? null : (double?)0.4)];
        var svg = TrendChart.Draw(Weeks, [new("Acknowledged <in time>", acknowledged, Dashed: false), new("Resolved & in time", resolved, Dashed: true)],
            "sla", "Within the SLA <per week>", AccountabilityWords.Percent);

        var solid = Regex.Matches(svg, "<polyline points=\"([^\"]+)\"[^>]*stroke-width=\"2.5\">").Select(m => m.Groups[1].Value.Split(' ').Length);
        Assert.Equal([12], solid);
        var dashed = Regex.Matches(svg, "<polyline points=\"([^\"]+)\"[^>]*stroke-dasharray=\"5 3\">").Select(m => m.Groups[1].Value.Split(' ').Length);
        Assert.Equal([4, 7], dashed); // weeks 1–4, then 6–12
        Assert.Equal(12 + 1, Regex.Matches(svg, "<circle ").Count); // a dot a week on the solid line, and the legend's
        Assert.Equal(11 + 1, Regex.Matches(svg, "<rect ").Count);   // a square a week with a value on the dashed one, and the legend's
        // The highest value, 0.72, is under the scale's top, 100%; half-way is 50%.
        Assert.Contains(">100%</text>", svg);
        Assert.Contains(">50%</text>", svg);
        Assert.Contains(">0%</text>", svg);
        Assert.Contains("role=\"img\" aria-labelledby=\"sla-title\"", svg);
        Assert.Contains("<title id=\"sla-title\">Within the SLA &lt;per week&gt;</title>", svg);
        Assert.Contains(">Acknowledged &lt;in time&gt;</text>", svg);
        Assert.Contains(">Resolved &amp; in time</text>", svg);
    }

    [Fact]
    public void At_most_six_periods_are_labelled_the_last_always()
    {
        var svg = TrendChart.Draw(Weeks, [new("Opened", [.. Weeks.Select((_, i) => (double?)i)], Dashed: false)], "flow", "Opened", AccountabilityWords.Count);
        // Twelve weeks: every second one, counted back from the last.
        var labels = Regex.Matches(svg, ">(w\\d+)</text>").Select(m => m.Groups[1].Value);
        Assert.Equal(["w12", "w10", "w8", "w6", "w4", "w2"], labels);
        Assert.Equal([11, 9, 7, 5, 3, 1], TrendChart.Labelled(12));
        Assert.Equal([2, 1, 0], TrendChart.Labelled(3));
        Assert.Equal([12, 9, 6, 3, 0], TrendChart.Labelled(13)); // every third
    }

    [Fact]
    public void Hours_scale_up_to_one_two_or_five_and_nothing_to_draw_is_an_empty_plot()
    {
        // A 90th percentile of 67.2 h: the scale tops at 100 h.
        var svg = TrendChart.Draw(["Nov 2026"], [new("Median", [48], false), new("90th percentile", [67.2], true)], "t", "Time to resolve", AccountabilityWords.Hours);
        Assert.Contains(">100 h</text>", svg);
        Assert.Contains(">50 h</text>", svg);
        Assert.DoesNotContain("<polyline", svg); // one period: a point each
        Assert.Contains(">Nov 2026</text>", svg);

        var empty = TrendChart.Draw(["w1", "w2"], [new("Median", [null, null], false)], "e", "Nothing resolved", AccountabilityWords.Hours);
        Assert.DoesNotContain("<polyline", empty);
        Assert.Contains(">1 h</text>", empty);

        Assert.Throws<ArgumentException>(() => TrendChart.Draw(["w1", "w2"], [new("Median", [1], false)], "x", "Too few values", AccountabilityWords.Hours));
    }

    [Fact]
    public void The_backlog_stacks_its_ages_in_proportion_youngest_at_the_bottom_each_with_its_own_fill()
    {
        // Two weeks: 2, 1, 0, 1 items by age (4), then 5, 3, 1, 1 (10). The scale tops at 10, the plot is 180 high,
        // so an item is 18 high: the second week's 0–2 days are 90 high, from the bottom (224) up to 134.
        var svg = BacklogChart.Draw(["w1", "w2"], [new Backlog(2, 1, 0, 1), new Backlog(5, 3, 1, 1)], "backlog", "Backlog <by age>");

        var bars = Regex.Matches(svg, "<rect x=\"[^\"]+\" y=\"([^\"]+)\" width=\"[^\"]+\" height=\"([^\"]+)\" fill=\"([^\"]+)\" stroke")
            .Select(m => (Y: m.Groups[1].Value, Height: m.Groups[2].Value, Fill: m.Groups[3].Value)).ToList();
        Assert.Equal(3 + 4 + 4, bars.Count); // the first week has no 8–30 day items; and the legend's four
        Assert.Equal([("188", "36"), ("170", "18"), ("152", "18")], bars.Take(3).Select(b => (b.Y, b.Height)));
        Assert.Equal(("134", "90"), (bars[3].Y, bars[3].Height));
        Assert.Equal(["#9ecae1", "url(#backlog-age1)", "url(#backlog-age3)"], bars.Take(3).Select(b => b.Fill));
        Assert.Equal(3, Regex.Matches(svg, "<pattern id=\"backlog-age\\d\"").Count);
        Assert.Contains(">10</text>", svg);
        Assert.Contains(">5</text>", svg);
        Assert.Contains(">over 30 days</text>", svg);
        Assert.Contains("<title id=\"backlog-title\">Backlog &lt;by age&gt;</title>", svg);

        // At most 3 items: the scale tops at 5, and its half-way mark (2.5 items) has no number.
        var small = BacklogChart.Draw(["w1"], [new Backlog(1, 1, 1, 0)], "small", "Backlog");
        Assert.Contains(">5</text>", small);
        Assert.DoesNotContain(">2.5</text>", small);
    }
}
