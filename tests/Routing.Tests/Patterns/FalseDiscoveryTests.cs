using Routing.Engine.Patterns;

namespace Routing.Tests.Patterns;

/// Benjamini–Hochberg q-values over one scan.
public sealed class FalseDiscoveryTests
{
    [Fact]
    public void The_fifteen_p_values_of_Benjamini_and_Hochberg_1995()
    {
        // Their worked example (§4, the 15 tests of a myocardial infarction trial): at q = 0.05
        // the step-up procedure rejects the four smallest. By hand, m·p(i)/i for i = 1..15 is
        // 0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0695, 0.063857…, 0.0645, 0.0765, 0.486,
        // 0.581182…, 0.714875, 0.753231…, 0.813214…, 1; the q-value is the least of these from
        // i onwards, so rank 6 (0.0695) takes rank 7's 0.063857 (15 × 0.0298 ÷ 7).
        double[] p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000];
        double[] expected = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 15 * 0.0298 / 7, 15 * 0.0298 / 7, 0.0645, 0.0765,
            0.486, 15 * 0.4262 / 11, 0.714875, 15 * 0.6528 / 13, 15 * 0.7590 / 14, 1];

        var q = FalseDiscovery.QValues(p);

        for (var i = 0; i < p.Length; i++)
            Assert.Equal(expected[i], q[i], 12);
        Assert.Equal(4, q.Count(v => v <= 0.05));
    }

    [Fact]
    public void The_q_values_come_back_in_the_order_given()
    {
        // Three p-values out of order; sorted 0.01, 0.02, 0.04 → 3·0.01/1 = 0.03, 3·0.02/2 = 0.03,
        // 3·0.04/3 = 0.04.
        var q = FalseDiscovery.QValues([0.04, 0.01, 0.02]);

        Assert.Equal([0.04, 0.03, 0.03], q.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void A_q_value_is_never_below_its_p_value_nor_above_one()
    {
        var q = FalseDiscovery.QValues([0.9, 0.8, 0.95]);

        Assert.All(q, v => Assert.Equal(0.95, v, 12)); // 3 × 0.95 ÷ 3, the largest p; the others take it
    }

    [Fact]
    public void No_p_values_give_no_q_values() => Assert.Empty(FalseDiscovery.QValues([]));

    [Fact]
    public void A_p_value_outside_zero_to_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FalseDiscovery.QValues([0.5, double.NaN]));
}
