using System.Globalization;
using Routing.Engine.Patterns;

namespace Routing.Tests.Patterns;

/// The sentence a CSM pastes into a report.
public sealed class ExplanationTests
{
    [Fact]
    public void The_issues_heater_sentence()
    {
        var rate = RateTest.Compare(252, 9_000, 364, 91_000)!;

        var said = Explanation.ForRate("HX-200 heater", "quality", ["Michigan", new MonthRun(11, 3).Words], rate, 1e-90);

        Assert.Equal("HX-200 heater, Michigan, Nov–Mar: 252 quality complaints on 9,000 units (2.8%) against 0.4% elsewhere — 7.0× (q < 0.001)", said);
    }

    [Fact]
    public void The_disproportion_sentence()
    {
        var table = ReportingRatio.Of(14, 106, 210, 9_790)!;

        var said = Explanation.ForDisproportion("HX-200 heater", "quality",
            [Explanation.Attribute("accessibility", "visually impaired")], table, 0.0042);

        Assert.Equal("HX-200 heater, accessibility: visually impaired: 14 of 120 quality complaints (11.7%) against 2.1% elsewhere — PRR 5.6, χ² 45.8 (q = 0.004)", said);
    }

    [Fact]
    public void Nothing_elsewhere_is_said_in_words_not_as_a_ratio()
    {
        var rate = RateTest.Compare(12, 1_500, 0, 40_000)!;

        var said = Explanation.ForRate("KT-9 kettle", "design", ["Ohio"], rate, 0.0125);

        Assert.Equal("KT-9 kettle, Ohio: 12 design complaints on 1,500 units (0.8%) against none elsewhere (q = 0.013)", said);
    }

    [Fact]
    public void One_complaint_and_one_unit_are_singular()
    {
        var rate = RateTest.Compare(1, 1, 3, 1_000)!;

        var said = Explanation.ForRate("KT-9 kettle", "quality", [], rate, 0.5);

        Assert.Equal("KT-9 kettle: 1 quality complaint on 1 unit (100.0%) against 0.3% elsewhere — 333.3× (q = 0.500)", said);
    }

    [Theory]
    [InlineData(0.028, "2.8%")]
    [InlineData(0.004, "0.4%")]
    [InlineData(0.00042, "0.042%")]   // below 0.1%: two significant digits, not "0.0%"
    [InlineData(0.0000123, "0.0012%")]
    [InlineData(0.12345, "12.3%")]
    [InlineData(12.5, "1,250.0%")]
    [InlineData(0.0, "0%")]
    public void Percentages(double share, string said) => Assert.Equal(said, Explanation.Percent(share));

    [Fact]
    public void The_numbers_do_not_follow_the_servers_locale()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var rate = RateTest.Compare(2_520, 90_000, 3_640, 910_000)!;
            Assert.Equal("HX-200 heater: 2,520 quality complaints on 90,000 units (2.8%) against 0.4% elsewhere — 7.0× (q < 0.001)",
                Explanation.ForRate("HX-200 heater", "quality", [], rate, 0));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
