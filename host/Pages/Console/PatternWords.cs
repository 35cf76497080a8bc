using System.Globalization;
using Routing.Engine.Patterns;

namespace Routing.Host.Pages.Console;

/// How the console says a candidate's segment, method and numbers: in the explanation's own
/// words and rounding (Explanation), so the list, the page and the sentence agree.
internal static class PatternWords
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// "Michigan, Nov–Mar", "accessibility: visually impaired"; "the whole product" when the
    /// scan found no narrower segment (it always does today).
    public static string Segment(PatternCandidate c) =>
        CandidateSegment.Of(c).Words().ToList() is { Count: > 0 } words ? string.Join(", ", words) : "the whole product";

    /// "HX-200 heater, Michigan, Nov–Mar · quality": the candidate's name where a title is wanted.
    public static string Name(PatternCandidate c) => $"{string.Join(", ", CandidateSegment.Of(c).Words().Prepend(c.Product))} · {c.Category}";

    public static bool IsRate(PatternCandidate c) => c.Method == PatternMethod.Rate;

    /// Where a disproportion's "elsewhere" is: customers are compared across products, the
    /// supply chain across the product's own categories (PatternScan).
    public static string Elsewhere(PatternCandidate c) => IsRate(c)
        ? c.Months.Count > 0 ? $"{c.Region ?? c.Product}'s other months" : $"{c.Product}'s other regions"
        : c.Vendor is not null || c.Depot is not null ? $"{c.Product}'s complaints of other categories" : $"other products' {c.Category} complaints";

    public static string Method(PatternCandidate c) => IsRate(c)
        ? $"Rate test: {c.Category} complaints per unit sold in the segment against those per unit sold in {Elsewhere(c)}, "
          + "with an exact one-sided test of two Poisson rates."
        : $"Reporting ratio: the share of {c.Product}'s {c.Category} complaints that name this value, against its share among {Elsewhere(c)} "
          + "(proportional reporting ratio, with Pearson's χ² with Yates' correction).";

    /// "2.8%", or "—" when nothing was compared (no units).
    public static string Percent(double? share) => share is { } s ? Explanation.Percent(s) : "—";

    /// "7.0×" for a rate ratio, "PRR 7.0" for a reporting ratio; "none elsewhere" when the baseline is zero.
    public static string Ratio(PatternCandidate c) => c.Ratio is { } r
        ? IsRate(c) ? $"{r.ToString("N1", Invariant)}×" : $"PRR {r.ToString("N1", Invariant)}"
        : "none elsewhere";

    public static string Q(double q) => Explanation.Q(q);

    /// A p- or q-value to three significant digits, "< 0.001" below that.
    public static string Probability(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.###", Invariant);

    public static string Count(long? n) => n is { } count ? count.ToString("N0", Invariant) : "—";

    /// A complaint's customer and supply-chain attributes that it says: "age group: 65+; vendor: Acme".
    public static string Attributes(Routing.Engine.Complaints.Complaint c) => string.Join("; ", new[]
    {
        ("age group", c.AgeGroup), ("accessibility", c.Accessibility), ("channel", c.Channel), ("vendor", c.Vendor), ("depot", c.Depot),
    }.Where(a => !string.IsNullOrEmpty(a.Item2)).Select(a => Explanation.Attribute(a.Item1, a.Item2!)));

    /// "Nov 2025": a chart's or a table's month (yyyymm).
    public static string Month(int yyyymm) =>
        new DateTime(yyyymm / 100, yyyymm % 100, 1).ToString("MMM yyyy", Invariant);
}
