using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Routing.Engine.Departments;
using Routing.Engine.Store;
using Routing.Host.Access;
using Routing.Host.Departments;

namespace Routing.Host.Pages.Console;

/// Every department the user may see at a glance, and the work-item lifecycle.
[Authorize(Policy = Policies.Read)]
internal sealed class OverviewModel(RoutingDb db, IDepartmentDirectory directory, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DepartmentStats> Stats { get; private set; } = [];

    /// Open and overdue items per department as a bar chart: SVG drawn here, no script; the
    /// table beside it holds the same numbers for screen readers.
    public string Chart()
    {
        const int bar = 22, label = 130, width = 420;
        var most = Math.Max(1, Stats.Count == 0 ? 1 : Stats.Max(s => s.Open));
        var svg = new StringBuilder($"<svg role=\"img\" aria-labelledby=\"chart-title\" width=\"{label + width + 120}\" height=\"{Stats.Count * bar + 10}\">");
        svg.Append("<title id=\"chart-title\">Open and overdue work items per department (the numbers are in the table below)</title>");
        for (var i = 0; i < Stats.Count; i++)
        {
            var (s, y) = (Stats[i], i * bar + 5);
            svg.Append($"<text x=\"0\" y=\"{y + 15}\" fill=\"#1a1a1a\" font-size=\"14\">{WebUtility.HtmlEncode(s.Department)}</text>")
                .Append($"<rect x=\"{label}\" y=\"{y}\" width=\"{width * s.Open / most}\" height=\"{bar - 6}\" fill=\"#0b3d62\"></rect>")
                .Append($"<rect x=\"{label}\" y=\"{y}\" width=\"{width * s.Overdue / most}\" height=\"{bar - 6}\" fill=\"#b00020\"></rect>")
                .Append($"<text x=\"{label + width * s.Open / most + 6}\" y=\"{y + 15}\" fill=\"#1a1a1a\" font-size=\"14\">{s.Open} ({s.Overdue} overdue)</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    public async Task OnGetAsync(CancellationToken ct) =>
        Stats = await DepartmentStats.ForAsync(db, [.. directory.All.Where(d => User.CanSee(d.Id)).Select(d => d.Id)], clock.GetUtcNow(), ct);
}
