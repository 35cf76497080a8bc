using System.Text.RegularExpressions;
using Routing.Engine.Patterns;
using Routing.Host.Pages.Console;

namespace Routing.Tests.WebConsole;

/// The candidate's chart as drawn: a line broken where a month has nothing to divide by, a mark
/// on every point, a scale that holds the highest value, and names that are text, not markup.
public sealed class PatternChartTests
{
    // A season (Nov–Mar) of a year: the segment has no units from April to October, the rest has none in the season.
    static readonly PatternMonth[] Year = [.. Enumerable.Range(1, 12).Select(m => m is >= 4 and <= 10
        ? new PatternMonth(202500 + m, 0, 0, 2, 2_000)
        : new PatternMonth(202500 + m, 20, 2_000, 0, 0))];

    [Fact]
    public void The_segment_is_a_solid_line_broken_outside_its_season_and_the_rest_a_dashed_one_between()
    {
        var svg = PatternChart.Draw(Year, "series", "Complaints per unit sold <by month>", "Nov–Mar & more", "The rest");

        var solid = Regex.Matches(svg, "<polyline points=\"([^\"]+)\"[^>]*stroke=\"#b00020\" stroke-width=\"2.5\">").Select(m => m.Groups[1].Value.Split(' ').Length);
        Assert.Equal([3, 2], solid); // Jan–Mar, then Nov–Dec
        var dashed = Regex.Matches(svg, "<polyline points=\"([^\"]+)\"[^>]*stroke-dasharray=\"5 3\">").Select(m => m.Groups[1].Value.Split(' ').Length);
        Assert.Equal([7], dashed); // Apr–Oct
        Assert.Equal(5 + 1, Regex.Matches(svg, "<circle ").Count);  // a dot a month of the segment, and the legend's
        Assert.Equal(7 + 1, Regex.Matches(svg, "<rect ").Count);    // a square a month of the rest, and the legend's
        // The scale tops at the highest rate, 1%, and the highest points sit on it.
        Assert.Contains(">1%</text>", svg);
        Assert.Contains(">0.5%</text>", svg);
        Assert.Contains("<title id=\"series-title\">Complaints per unit sold &lt;by month&gt;</title>", svg);
        Assert.Contains(">Nov–Mar &amp; more</text>", svg);
        Assert.Contains(">Dec 2025</text>", svg);
    }

    [Fact]
    public void The_scale_rounds_up_to_one_two_or_five_and_a_single_month_is_a_point()
    {
        var svg = PatternChart.Draw([new PatternMonth(202603, 3, 1_000, 1, 1_000)], "one", "One month", "Texas", "The rest");
        Assert.Contains(">0.5%</text>", svg);  // 0.3% rounds up to 0.5%
        Assert.Contains(">0.25%</text>", svg);
        Assert.DoesNotContain("<polyline", svg);
        Assert.Equal(2, Regex.Matches(svg, "<circle ").Count);
        Assert.Contains(">Mar 2026</text>", svg);
    }
}
