using Routing.Engine.Patterns;

namespace Routing.Tests.Patterns;

/// A dismissed candidate comes back only when it has doubled.
public sealed class MaterialGrowthTests
{
    [Theory]
    [InlineData(10, 3.0, 19, 5.9, false)] // almost double on both: stays dismissed
    [InlineData(10, 3.0, 20, 3.0, true)]  // the count doubled
    [InlineData(10, 3.0, 11, 6.0, true)]  // the ratio doubled
    [InlineData(10, 3.0, 10, 3.0, false)] // the same candidate, scanned again
    [InlineData(10, 3.0, 25, 1.5, true)]  // more complaints at a lower ratio: still more people affected
    public void Doubling_the_count_or_the_ratio_brings_it_back(long before, double ratioBefore, long now, double ratioNow, bool back) =>
        Assert.Equal(back, MaterialGrowth.BringsBack(before, ratioBefore, now, ratioNow, 2));

    [Fact]
    public void A_ratio_becoming_infinite_has_grown() =>
        Assert.True(MaterialGrowth.BringsBack(10, 3.0, 10, null, 2));

    [Fact]
    public void An_infinite_ratio_comes_back_only_by_its_count()
    {
        Assert.False(MaterialGrowth.BringsBack(10, null, 15, null, 2));
        Assert.True(MaterialGrowth.BringsBack(10, null, 20, null, 2));
    }

    [Fact]
    public void The_growth_factor_is_the_options()
    {
        Assert.False(MaterialGrowth.BringsBack(10, 3.0, 20, 3.0, 3));
        Assert.True(MaterialGrowth.BringsBack(10, 3.0, 30, 3.0, 3));
    }
}
