using Microsoft.Playwright;
using Routing.Engine.History;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// The auditor's history, the overview and the small pages (sign-in, start, submit, status) in
/// a real browser: what they show, axe-clean, and no sideways scroll on a 390 px phone.
[Collection(RealTime.Name)]
public sealed class AuditPagesTests : BrowserStory
{
    [Fact]
    public async Task An_auditor_chooses_a_department_and_a_kind_and_the_export_carries_both()
    {
        var logistics = (string)(await admin.SubmitAsync(Reports.Valid("supply").With("title", "Depot 7 delivers two days late"))).Item("logistics")["id"]!;
        var rnd = (string)(await admin.SubmitAsync(Reports.Valid("design"))).Item("rnd")["id"]!;
        await admin.DoAsync(logistics, "acknowledge", "Carrier swapped at depot 7");
        await admin.DoAsync(rnd, "acknowledge");
        await admin.DoAsync(logistics, "resolve", "Second carrier on the route");

        var page = await SignInAsync(await admin.CreateKeyAsync("auditor"));
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("History");
        await page.GetByLabel("Department").SelectOptionAsync(new SelectOptionValue { Label = "Logistics" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("department=logistics"));
        var events = page.GetByRole(AriaRole.Table);
        await Expect(events).ToContainTextAsync("Second carrier on the route");
        await Expect(events).Not.ToContainTextAsync("Research & Development");
        await CheckAccessibleAsync(page, "history");
        await SaveScreenshotAsync(page, "history");
        await AssertFitsAPhoneAsync(page, "history");
        await SaveScreenshotAsync(page, "history-390px");

        await page.SetViewportSizeAsync(1280, 720);
        await page.GetByLabel("Kind of event").SelectOptionAsync(new SelectOptionValue { Label = "Acknowledged" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(events.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // the header and the one event
        await Expect(events).ToContainTextAsync(HistoryKinds.Acknowledged);
        await Expect(events).ToContainTextAsync("Logistics");
        foreach (var format in new[] { "NDJSON", "CSV" })
        {
            var href = await page.GetByRole(AriaRole.Link, new() { Name = $"Export {format}" }).GetAttributeAsync("href");
            Assert.Contains("department=logistics", href);
            Assert.Contains($"kind={HistoryKinds.Acknowledged}", href);
        }
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export NDJSON" }).ClickAsync());
        var exported = File.ReadAllLines((await download.PathAsync())!);
        Assert.Single(exported);
        Assert.Contains(logistics, exported[0]);
    }

    [Fact]
    public async Task The_overview_names_departments_and_fits_a_phone_with_its_chart_to_scale()
    {
        foreach (var category in new[] { "supply", "supply", "design", "pricing", "marketing" })
            await admin.SubmitAsync(Reports.Valid(category));
        var resolved = (string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;
        await admin.DoAsync(resolved, "acknowledge");
        await admin.DoAsync(resolved, "resolve", "Route changed");

        var page = await SignInAsync(await admin.CreateKeyAsync("auditor"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Departments");
        var table = page.GetByRole(AriaRole.Table).First;
        // Open: the two routed supply items, not the resolved one.
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Logistics" }).Locator("td").First).ToHaveTextAsync("2");
        await Expect(table).ToContainTextAsync("Research & Development");
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Open and overdue work items per department" });
        await Expect(chart).ToContainTextAsync("Strategy (price and policy)");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "The Standard lifecycle" })).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, "overview");
        await SaveScreenshotAsync(page, "overview");

        await AssertFitsAPhoneAsync(page, "overview");
        await SaveScreenshotAsync(page, "overview-390px");
        var width = await chart.EvaluateAsync<double>("svg => svg.getBoundingClientRect().width");
        Assert.InRange(width, 300, 390); // drawn to the phone's width, not cut off
        await CheckAccessibleAsync(page, "overview at 390 px");
    }

    [Fact]
    public async Task Sign_in_start_submit_and_status_pages_fit_a_phone_and_the_submit_summary_counts_in_words()
    {
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/console/sign-in");
        await AssertFitsAPhoneAsync(page, "sign-in");
        await SaveScreenshotAsync(page, "sign-in-390px");

        page = await SignInAsync(await admin.CreateKeyAsync("csm"));
        await page.GotoAsync("/console");
        await AssertFitsAPhoneAsync(page, "start");
        await SaveScreenshotAsync(page, "start-390px");
        await page.GetByRole(AriaRole.Link, new() { Name = "Submit a pattern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Submit a verified pattern");
        await page.GetByLabel("Verified at (UTC) (required)").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        // Title, product, category, severity, number of reports, evidence, verified by, verified at.
        await Expect(summary).ToContainTextAsync("The report was not stored. 8 fields need attention:");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Title is required." }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#title$"));
        await CheckAccessibleAsync(page, "submit with errors");
        await AssertFitsAPhoneAsync(page, "submit-errors");
        await SaveScreenshotAsync(page, "submit-errors-390px");

        await page.GotoAsync($"/console/items/{Guid.NewGuid()}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
        await AssertFitsAPhoneAsync(page, "status");
        await SaveScreenshotAsync(page, "status-390px");
    }
}
