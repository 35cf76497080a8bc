using System.Globalization;
using System.Text;
using Routing.Engine.Effectiveness;
using static Routing.Host.Pages.Console.ChartSvg;

namespace Routing.Host.Pages.Console;

/// A fixed segment's rate month by month, before and after its fix, as a line chart drawn here
/// as PatternChart draws a candidate's: SVG, no script, scaled to its box so that it fits a
/// phone. Before the fix the line is solid red with dots, after it dark green with squares, and
/// it changes at the fix's marker; the target is a dashed line, the baseline a dotted one, each
/// named at its end: told apart without colour too. The page shows the same numbers in a table
/// (_EffectivenessMonths).
internal static class EffectivenessChart
{
    const double Width = 400, Height = 240, Left = 46, Right = 64, Top = 48, Bottom = 26;
    const string Before = "#b00020", After = "#1b6e3a", Target = "#1a1a1a", Baseline = "#0b3d62", Ink = "#1a1a1a", Grid = "#d0d0d0";
    const string TargetDash = "6 4", BaselineDash = "2 3";
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// months: consecutive (yyyymm), at least one. Each month is a band of the time axis with
    /// its point in the middle, so the fix's marker sits on its very day. A fix outside the
    /// months drawn is marked at the nearest edge, "← fix" or "fix →". target, baseline: rates
    /// (complaints per unit sold), as the months'; no baseline line when it is null.
    public static string Draw(IReadOnlyList<EffectivenessMonth> months, DateOnly fixedOn, double target, double? baseline, string id, string title)
    {
        if (months.Count == 0)
            throw new ArgumentException("There is no month to draw.", nameof(months));
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" font-family=\"system-ui, sans-serif\">");
        svg.Append($"<title id=\"{id}-title\">{Text(title)}</title>");
        var top = Math.Max(months.Select(m => m.Rate ?? 0).Append(target).Append(baseline ?? 0).Max(), 1e-9);
        var scale = Nice(top);
        var step = (Width - Left - Right) / months.Count;
        double At(double position) => Left + position * step;  // position: months since the first began
        double X(int i) => At(i + 0.5);
        double Y(double rate) => Height - Bottom - rate / scale * (Height - Top - Bottom);

        // The scale: 0, half and the top, in percent, as many digits as they need ("0.25%").
        foreach (var tick in new[] { 0, scale / 2, scale })
            svg.Append($"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Y(tick))}\" y2=\"{N(Y(tick))}\" stroke=\"{Grid}\"></line>")
                .Append($"<text x=\"{N(Left - 4)}\" y=\"{N(Y(tick) + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">{(tick * 100).ToString("0.####", Invariant)}%</text>");
        // Month labels at least 62 apart ("Nov 2025" is about 50 wide), the last month always among them.
        var every = Math.Max(1, (int)Math.Ceiling(62 / step));
        for (var i = months.Count - 1; i >= 0; i -= every)
            svg.Append($"<text x=\"{N(X(i))}\" y=\"{N(Height - 8)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Ink}\">{PatternWords.Month(months[i].Month)}</text>");

        // The target and the baseline across the plot, named at their right ends; names that
        // would overlap (the two lines are often close) are moved apart.
        var (targetLabel, baselineLabel) = Apart(Y(target) + 4, baseline is { } b ? Y(b) + 4 : null);
        if (baseline is { } baselineRate)
            Level(svg, "baseline", Y(baselineRate), baselineLabel!.Value, Baseline, BaselineDash);
        Level(svg, "target", Y(target), targetLabel, Target, TargetDash);

        // The fix: a month's point is after it when its middle is (the line changes style at the marker).
        var fix = Position(months[0].Month, fixedOn);
        var fixX = At(Math.Clamp(fix, 0, months.Count));
        // Beside the marker at an edge (clear of the scale's numbers), above it elsewhere.
        var (fixLabel, labelX, anchor) = fix < 0 || fixX < Left + 12 ? (fix < 0 ? "← fix" : "fix", fixX + 3, "start")
            : fix > months.Count ? ("fix →", fixX - 3, "end")
            : ("fix", fixX, "middle");
        svg.Append($"<line class=\"chart-fix\" x1=\"{N(fixX)}\" x2=\"{N(fixX)}\" y1=\"{N(Top - 2)}\" y2=\"{N(Height - Bottom)}\" stroke=\"{Ink}\" stroke-width=\"1.5\"></line>")
            .Append($"<text x=\"{N(labelX)}\" y=\"{N(Top - 5)}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"{Ink}\">{fixLabel}</text>");
        Rates(svg, months, i => i + 0.5 >= fix, X, Y, fixX);

        // The legend, above the plot: the line's two styles, then the target and the baseline with their values.
        svg.Append($"<line x1=\"{N(Left)}\" x2=\"{N(Left + 22)}\" y1=\"10\" y2=\"10\" stroke=\"{Before}\" stroke-width=\"2.5\"></line>")
            .Append($"<circle cx=\"{N(Left + 11)}\" cy=\"10\" r=\"3\" fill=\"{Before}\"></circle>")
            .Append($"<text x=\"{N(Left + 28)}\" y=\"14\" font-size=\"12\" fill=\"{Ink}\">Before the fix</text>")
            .Append($"<line x1=\"{N(Left)}\" x2=\"{N(Left + 22)}\" y1=\"25\" y2=\"25\" stroke=\"{After}\" stroke-width=\"2.5\"></line>")
            .Append($"<rect x=\"{N(Left + 8)}\" y=\"22\" width=\"6\" height=\"6\" fill=\"{After}\"></rect>")
            .Append($"<text x=\"{N(Left + 28)}\" y=\"29\" font-size=\"12\" fill=\"{Ink}\">After the fix</text>")
            .Append($"<line x1=\"{N(Left + 150)}\" x2=\"{N(Left + 172)}\" y1=\"10\" y2=\"10\" stroke=\"{Target}\" stroke-width=\"1.5\" stroke-dasharray=\"{TargetDash}\"></line>")
            .Append($"<text x=\"{N(Left + 178)}\" y=\"14\" font-size=\"12\" fill=\"{Ink}\">Target {EffectivenessExplanation.Percent(target)}</text>");
        if (baseline is { } legendBaseline)
            svg.Append($"<line x1=\"{N(Left + 150)}\" x2=\"{N(Left + 172)}\" y1=\"25\" y2=\"25\" stroke=\"{Baseline}\" stroke-width=\"1.5\" stroke-dasharray=\"{BaselineDash}\"></line>")
                .Append($"<text x=\"{N(Left + 178)}\" y=\"29\" font-size=\"12\" fill=\"{Ink}\">Baseline {EffectivenessExplanation.Percent(legendBaseline)}</text>");
        return svg.Append("</svg>").ToString();
    }

    /// Where the fix falls on the time axis, in months since the first month drawn began: its
    /// day's share of its month (the 30th of November is 29/30 of the way through it).
    static double Position(int firstMonth, DateOnly fixedOn) =>
        fixedOn.Year * 12 + fixedOn.Month - (firstMonth / 100 * 12 + firstMonth % 100)
        + (fixedOn.Day - 1) / (double)DateTime.DaysInMonth(fixedOn.Year, fixedOn.Month);

    /// The rate as one line through the months that have one, broken where one has none
    /// (nothing sold), a dot on every point before the fix and a square after it; the segment
    /// that crosses the fix changes style where it meets the marker.
    static void Rates(StringBuilder svg, IReadOnlyList<EffectivenessMonth> months, Func<int, bool> isAfter,
        Func<int, double> x, Func<double, double> y, double fixX)
    {
        var run = new List<(double X, double Y)>();
        var runAfter = false;
        void Flush()
        {
            if (run.Count > 1)
                svg.Append($"<polyline points=\"{string.Join(" ", run.Select(p => $"{N(p.X)},{N(p.Y)}"))}\" fill=\"none\" stroke=\"{(runAfter ? After : Before)}\" stroke-width=\"2.5\"></polyline>");
            run.Clear();
        }
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i].Rate is not { } rate)
            {
                Flush();
                continue;
            }
            var point = (X: x(i), Y: y(rate));
            var after = isAfter(i);
            if (run.Count > 0 && after != runAfter)
            {
                var last = run[^1];
                var meet = (X: fixX, Y: last.Y + (fixX - last.X) / (point.X - last.X) * (point.Y - last.Y));
                run.Add(meet);
                Flush();
                if (meet.X < point.X)
                    run.Add(meet);
            }
            run.Add(point);
            runAfter = after;
            svg.Append(after
                ? $"<rect x=\"{N(point.X - 3)}\" y=\"{N(point.Y - 3)}\" width=\"6\" height=\"6\" fill=\"{After}\"></rect>"
                : $"<circle cx=\"{N(point.X)}\" cy=\"{N(point.Y)}\" r=\"3\" fill=\"{Before}\"></circle>");
        }
        Flush();
    }

    /// A level across the plot (the target, the baseline) and its name past its right end.
    static void Level(StringBuilder svg, string name, double y, double labelY, string colour, string dash) =>
        svg.Append($"<line class=\"chart-{name}\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(y)}\" y2=\"{N(y)}\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"{dash}\"></line>")
            .Append($"<text x=\"{N(Width - Right + 4)}\" y=\"{N(labelY)}\" font-size=\"12\" fill=\"{Ink}\">{name}</text>");

    /// The two names' heights, at least a line (13) apart, the higher one staying higher.
    static (double Target, double? Baseline) Apart(double target, double? baseline)
    {
        if (baseline is not { } b || Math.Abs(target - b) >= 13)
            return (target, baseline);
        var middle = (target + b) / 2;
        var half = target <= b ? -6.5 : 6.5;
        return (middle + half, middle - half);
    }
}
