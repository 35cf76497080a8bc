using Routing.Engine.Effectiveness;

namespace Routing.Tests.Effectiveness;

public sealed class SeasonDaysTests
{
    static readonly int[] Winter = [11, 12, 1, 2, 3];

    [Fact]
    public void A_segment_without_months_is_watched_on_calendar_days()
    {
        Assert.Equal(new DateOnly(2026, 5, 1), SeasonDays.End(new DateOnly(2026, 4, 1), 30, []));
        Assert.Equal(new DateOnly(2026, 4, 1), SeasonDays.Start(new DateOnly(2026, 4, 1), []));
    }

    [Fact]
    public void A_winter_fix_resolved_in_April_is_watched_from_November_and_checked_on_December_the_first()
    {
        var start = SeasonDays.Start(new DateOnly(2026, 4, 16), Winter);
        Assert.Equal(new DateOnly(2026, 11, 1), start);
        // 30 days of November: the check runs at the start of 1 December.
        Assert.Equal(new DateOnly(2026, 12, 1), SeasonDays.End(start, 30, Winter));
    }

    [Fact]
    public void A_window_that_reaches_the_end_of_the_season_goes_on_next_season()
    {
        // From 20 March: 12 days of March (20–31), then nothing until November, 18 days of it.
        Assert.Equal(new DateOnly(2026, 11, 19), SeasonDays.End(new DateOnly(2026, 3, 20), 30, Winter));
    }

    [Fact]
    public void A_window_across_the_new_year_counts_December_and_January_days()
    {
        // 20 December + 30 days: 12 days of December (20–31), 18 of January.
        Assert.Equal(new DateOnly(2027, 1, 19), SeasonDays.End(new DateOnly(2026, 12, 20), 30, Winter));
    }
}
