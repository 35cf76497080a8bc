using Routing.Engine.Patterns;

namespace Routing.Tests.Patterns;

/// The thresholds' defaults are the issue's, and a setting that makes no sense stops the start.
public sealed class PatternOptionsTests
{
    [Fact]
    public void The_defaults_are_the_starting_thresholds()
    {
        var options = new PatternOptions();

        Assert.Equal((0.05, 5L, 2.0, 4.0, 3L, 2.0),
            (options.FalseDiscoveryRate, options.MinimumComplaints, options.MinimumPrr, options.MinimumChiSquare, options.MinimumPrrComplaints, options.GrowthToReturn));
        Assert.Null(options.Problem());
    }

    [Theory]
    [InlineData("FalseDiscoveryRate", 0.0)]
    [InlineData("FalseDiscoveryRate", 1.0)]
    [InlineData("FalseDiscoveryRate", double.NaN)]
    [InlineData("MinimumComplaints", 0.0)]
    [InlineData("MinimumPrr", 0.5)]
    [InlineData("MinimumChiSquare", -1.0)]
    [InlineData("MinimumPrrComplaints", 0.0)]
    [InlineData("GrowthToReturn", 1.0)]
    public void A_setting_out_of_range_is_named(string setting, double value)
    {
        var options = new PatternOptions();
        var property = typeof(PatternOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(long) ? (object)(long)value : value);

        var problem = options.Problem();

        Assert.NotNull(problem);
        Assert.StartsWith($"Routing:Patterns:{setting} must", problem);
    }
}
