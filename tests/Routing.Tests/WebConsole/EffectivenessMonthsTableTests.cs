using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Routing.Engine.Effectiveness;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.WebConsole;

/// The chart's numbers as a table, rendered by the host's own view engine: a row a month, in
/// words and with thousands separators, and a dash where nothing was sold.
public sealed class EffectivenessMonthsTableTests
{
    [Fact]
    public async Task Each_month_is_a_row_of_its_complaints_units_sold_and_rate()
    {
        var html = await RenderAsync([new(202611, 4, 325), new(202612, 3, 4_100), new(202701, 0, 0), new(202702, 12_345, 1_234_567.4)]);

        Assert.Contains("<caption class=\"visually-hidden\">", html);
        Assert.Equal(
            [
                "Nov 2026|4|325|1.23%",
                "Dec 2026|3|4,100|0.073%",
                "Jan 2027|0|0|—",
                "Feb 2027|12,345|1,234,567|1.00%",
            ],
            Rows(html));
        Assert.Contains("<td data-label=\"Units sold\">4,100</td>", html);
    }

    static List<string> Rows(string html) =>
        [.. Regex.Matches(html, "<tr>\\s*<th scope=\"row\">(.*?)</th>\\s*<td[^>]*>(.*?)</td>\\s*<td[^>]*>(.*?)</td>\\s*<td[^>]*>(.*?)</td>")
            .Select(m => string.Join("|", m.Groups.Values.Skip(1).Select(g => System.Net.WebUtility.HtmlDecode(g.Value))))];

    static async Task<string> RenderAsync(IReadOnlyList<EffectivenessMonth> months)
    {
        await using var store = TestStore.Sqlite();
        await using var app = new RoutingApplication(store, new FakeTimeProvider(RoutingFixture.Start));
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var http = new DefaultHttpContext { RequestServices = services };
        var view = services.GetRequiredService<IRazorViewEngine>()
            .GetView(null, "/Pages/Console/_EffectivenessMonths.cshtml", isMainPage: false).EnsureSuccessful([]).View!;
        var data = new ViewDataDictionary<IReadOnlyList<EffectivenessMonth>>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = months };
        await using var writer = new StringWriter();
        await view.RenderAsync(new ViewContext(new ActionContext(http, new RouteData(), new ActionDescriptor()), view, data,
            new TempDataDictionary(http, services.GetRequiredService<ITempDataProvider>()), writer, new HtmlHelperOptions()));
        return writer.ToString();
    }
}
