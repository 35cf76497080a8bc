using Routing.Host.Pages.Console;

namespace Routing.Tests.WebConsole;

public sealed class EffectivenessWordsTests
{
    [Theory]
    [InlineData(41.0 / 7_800, "5.25")]   // the README's default target, 0.526%: typed as shown, it is no looser
    [InlineData(0.01, "10")]
    [InlineData(0.000156, "0.156")]
    [InlineData(0.0, "0")]
    public void A_default_target_is_said_per_1000_units_rounded_down(double rate, string said)
    {
        Assert.Equal(said, EffectivenessWords.PerThousand(rate));
        Assert.True(double.Parse(said, System.Globalization.CultureInfo.InvariantCulture) / 1000 <= rate);
    }
}
