using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Routing.Engine.Departments;
using Routing.Engine.Lifecycles;
using Routing.Host.Access;
using Routing.Host.Departments;

namespace Routing.Host.Pages.Console;

/// Every department the user may see at a glance, and the work-item lifecycle.
[Authorize(Policy = Policies.Read)]
internal sealed class OverviewModel(IServiceScopeFactory stores, ILifecycles lifecycles, IDepartmentDirectory directory, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DepartmentStats> Stats { get; private set; } = [];

    public string Name(string department) => directory.Find(department)?.Name ?? department;

    /// Open and overdue items per department as a bar chart: SVG drawn here, no script; the
    /// table beside it holds the same numbers for screen readers. Each name stands above its
    /// bar, and the drawing scales to its box (viewBox), so it fits a phone as it fits a desk.
    public string Chart()
    {
        const int row = 46, width = 340, bars = 230;
        var most = Math.Max(1, Stats.Count == 0 ? 1 : Stats.Max(s => s.Open));
        var height = Math.Max(1, Stats.Count * row);
        var svg = new StringBuilder($"<svg role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 {width} {height}\" width=\"100%\">");
        svg.Append("<title id=\"chart-title\">Open and overdue work items per department (the numbers are in the table below)</title>");
        for (var i = 0; i < Stats.Count; i++)
        {
            var (s, y) = (Stats[i], i * row);
            var (open, overdue) = (bars * s.Open / most, bars * s.Overdue / most);
            svg.Append($"<text x=\"0\" y=\"{y + 15}\" fill=\"#1a1a1a\" font-size=\"14\">{WebUtility.HtmlEncode(Name(s.Department))}</text>")
                .Append($"<rect x=\"0\" y=\"{y + 20}\" width=\"{open}\" height=\"16\" fill=\"#0b3d62\"></rect>")
                .Append($"<rect x=\"0\" y=\"{y + 20}\" width=\"{overdue}\" height=\"16\" fill=\"#b00020\"></rect>")
                .Append($"<text x=\"{open + 6}\" y=\"{y + 33}\" fill=\"#1a1a1a\" font-size=\"14\">{s.Open} ({s.Overdue} overdue)</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    public async Task OnGetAsync(CancellationToken ct) =>
        Stats = await DepartmentStats.ForAsync(stores, lifecycles, [.. directory.All.Where(d => User.CanSee(d.Id)).Select(d => d.Id)], clock.GetUtcNow(), ct);
}
