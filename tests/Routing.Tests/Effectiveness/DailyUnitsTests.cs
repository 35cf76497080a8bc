using Routing.Engine.Effectiveness;

namespace Routing.Tests.Effectiveness;

/// Units sold in a window across months, pro-rated by day from monthly units sold.
public sealed class DailyUnitsTests
{
    static readonly Dictionary<int, long> Sales = new()
    {
        [202611] = 3_000, // November: 30 days, 100 a day
        [202612] = 3_100, // December: 31 days, 100 a day
        [202701] = 6_200, // January: 31 days, 200 a day
        [202802] = 2_900, // February 2028: 29 days (a leap year), 100 a day
    };

    [Fact]
    public void Half_of_a_30_day_month_is_half_its_units()
    {
        // 16–30 November: 15 of 30 days × 3,000 = 1,500.
        Assert.Equal(1_500, DailyUnits.InWindow(Sales, new(2026, 11, 16), new(2026, 12, 1)), 9);
    }

    [Fact]
    public void A_window_across_a_month_boundary_takes_each_months_share()
    {
        // 16 Nov – 15 Dec (to 16 Dec, exclusive): 15/30 × 3,000 + 15/31 × 3,100 = 1,500 + 1,500.
        Assert.Equal(3_000, DailyUnits.InWindow(Sales, new(2026, 11, 16), new(2026, 12, 16)), 9);
    }

    [Fact]
    public void A_window_across_the_year_end_takes_each_months_rate()
    {
        // 22 Dec 2026 – 10 Jan 2027: 10/31 × 3,100 + 10/31 × 6,200 = 1,000 + 2,000.
        Assert.Equal(3_000, DailyUnits.InWindow(Sales, new(2026, 12, 22), new(2027, 1, 11)), 9);
    }

    [Fact]
    public void A_leap_february_has_29_days()
    {
        // 20–29 February 2028: 10/29 × 2,900 = 1,000.
        Assert.Equal(1_000, DailyUnits.InWindow(Sales, new(2028, 2, 20), new(2028, 3, 1)), 9);
    }

    [Fact]
    public void A_month_without_a_figure_counts_nothing_sold()
    {
        // October 2026 is not imported: only the 10 November days count, 10/30 × 3,000.
        Assert.Equal(1_000, DailyUnits.InWindow(Sales, new(2026, 10, 20), new(2026, 11, 11)), 9);
    }

    [Fact]
    public void An_empty_window_has_no_units() =>
        Assert.Equal(0, DailyUnits.InWindow(Sales, new(2026, 11, 16), new(2026, 11, 16)));
}
