using Routing.Engine.Patterns;

namespace Routing.Tests.Patterns;

/// Flagged months of the year merge into seasons, across the turn of the year.
public sealed class SeasonalMonthsTests
{
    static bool[] Flagged(params int[] months) => Enumerable.Range(1, 12).Select(months.Contains).ToArray();

    [Fact]
    public void November_to_March_is_one_season()
    {
        var runs = SeasonalMonths.Runs(Flagged(11, 12, 1, 2, 3));

        var winter = Assert.Single(runs);
        Assert.Equal([11, 12, 1, 2, 3], winter.Months);
        Assert.Equal("Nov–Mar", winter.Words);
        Assert.Equal("November to March", winter.LongWords);
        Assert.True(winter.Contains(1));
        Assert.False(winter.Contains(4));
    }

    [Fact]
    public void Separate_seasons_stay_separate_in_calendar_order()
    {
        var runs = SeasonalMonths.Runs(Flagged(1, 2, 6, 7, 8, 12));

        Assert.Equal(["Jun–Aug", "Dec–Feb"], runs.Select(r => r.Words));
        Assert.Equal([6, 12], runs.Select(r => r.First));
    }

    [Fact]
    public void A_single_month_is_named_alone()
    {
        var run = Assert.Single(SeasonalMonths.Runs(Flagged(4)));

        Assert.Equal("Apr", run.Words);
        Assert.Equal("April", run.LongWords);
        Assert.Equal(1, run.Length);
    }

    [Fact]
    public void January_to_December_is_all_year()
    {
        var run = Assert.Single(SeasonalMonths.Runs(Flagged(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)));

        Assert.Equal(12, run.Length);
        Assert.Equal("all year", run.Words);
    }

    [Fact]
    public void Eleven_months_wrap_around_the_one_left_out()
    {
        var run = Assert.Single(SeasonalMonths.Runs(Flagged(1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12)));

        Assert.Equal("Jul–May", run.Words);
        Assert.Equal(11, run.Length);
    }

    [Fact]
    public void No_flagged_month_is_no_season() => Assert.Empty(SeasonalMonths.Runs(Flagged()));

    [Fact]
    public void Only_twelve_months_are_read() =>
        Assert.Throws<ArgumentException>(() => SeasonalMonths.Runs(new bool[11]));
}
