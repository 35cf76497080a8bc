using Routing.Engine.Reports;
using Routing.Host.Pages.Console;
using Routing.Host.WorkItems;

namespace Routing.Tests.WebConsole;

/// How the item page says a report's numbers, its months and the time left.
public sealed class ItemWordsTests
{
    [Theory]
    [InlineData(new[] { 11, 12, 1, 2, 3, 4, 5 }, "November to May")]
    [InlineData(new[] { 6, 7, 8 }, "June to August")]
    [InlineData(new[] { 12, 1 }, "December to January")]
    [InlineData(new[] { 1, 3, 7 }, "January, March, July")]
    [InlineData(new[] { 4 }, "April")]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, "all year")]
    public void Months_read_as_a_season_when_they_run_on(int[] months, string expected) =>
        Assert.Equal(expected, ReportWords.Months(months));

    [Theory]
    [InlineData(37, 1850, "2.0 %")]
    [InlineData(1440, 12000, "12.0 %")]
    [InlineData(1, 20000, "0.005 %")]
    [InlineData(0, 500, "0.0 %")]
    public void The_failure_rate_is_affected_units_over_units_sold_in_percent(int affected, int sold, string expected) =>
        Assert.Equal(expected, ReportWords.FailureRate(ReportOf(affected, sold)));

    [Fact]
    public void A_report_without_both_numbers_has_no_failure_rate() => Assert.Null(ReportWords.FailureRate(ReportOf(null, 500)));

    [Theory]
    [InlineData(2 * 24 * 60 * 60 - 1, "2 days")] // a two-day window opened a second ago
    [InlineData(27 * 60 * 60, "1 day 3 hours")]
    [InlineData(3 * 60 * 60 + 5 * 60, "3 hours 5 minutes")]
    [InlineData(60 * 60, "1 hour")]
    [InlineData(59, "1 minute")]
    [InlineData(12 * 60, "12 minutes")]
    public void Time_left_or_over_reads_in_its_two_largest_units(int seconds, string expected) =>
        Assert.Equal(expected, DueInWords.Span(TimeSpan.FromSeconds(seconds)));

    static Report ReportOf(int? affected, int? sold) => new()
    {
        Title = "t", Product = "p", Category = "quality", Severity = "low", VerifiedBy = "v", PatternKey = "k",
        AffectedUnits = affected, UnitsSold = sold,
        FailureRate = affected is { } a && sold is > 0 ? (double)a / sold.Value : null,
    };
}
