using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Routing.Host.Pages;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// The work item page in a real browser (Debian's Chromium): a head reads the whole problem there,
/// with the other departments on the report, its recurrences, and times in the reader's own zone.
[Collection(RealTime.Name)]
public sealed class ItemPageTests() : BrowserStory(timeZone: "America/New_York", locale: "en-US")
{
    [Fact]
    public async Task A_head_opens_an_item_from_the_inbox_and_reads_the_whole_problem_with_the_other_department_and_local_times()
    {
        var title = $"Dial unreadable for low-vision users {Guid.NewGuid():N}"[..44];
        var report = Reports.Valid("quality");
        var receipt = await admin.SubmitAsync(report
            .With("title", title)
            .With("description", "The thermostat's dial is too small and too faint to read")
            .With("recommendation", "Print the dial larger, in high contrast")
            .With("unitsSold", 1850).With("affectedUnits", 37).With("reportCount", 41)
            .With("segment.accessibility", "low vision")
            .With("evidence", new JsonArray("ticket-7001", "call-7002")));
        var rnd = (string)receipt.Item("rnd")["id"]!;
        var manufacturing = (string)receipt.Item("manufacturing")["id"]!;
        await admin.DoAsync(manufacturing, "acknowledge", "Checking the print shop");

        var page = await SignInAsync(await admin.CreateKeyAsync("department-head", "rnd"));
        await page.Locator($"a[href='/console/items/{rnd}']").First.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(ShortId.Of(rnd));
        var problem = page.GetByRole(AriaRole.Region, new() { Name = "The problem" });
        await Expect(problem).ToContainTextAsync((string)report["product"]!);
        await Expect(problem).ToContainTextAsync("The thermostat's dial is too small and too faint to read");
        await Expect(problem).ToContainTextAsync("Print the dial larger, in high contrast");
        await Expect(problem).ToContainTextAsync("low vision");
        await Expect(problem).ToContainTextAsync("2.0 % of units sold (37 of 1,850)"); // 37 / 1850 = 0.02
        await Expect(problem.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["ticket-7001", "call-7002"]);
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Research & Development");

        // The other department's item of the report and how far it got, by name; a head of R&D cannot open it.
        var others = page.Locator("ul.others");
        await Expect(others).ToHaveTextAsync(new Regex(@"^\s*Manufacturing: Acknowledged, P3\s*$"));
        await Expect(others.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);

        // Times in the reader's zone (the browser's is New York here), never the raw ISO the server keeps.
        var times = await page.Locator("main time").AllInnerTextsAsync();
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T|UTC", t));
        Assert.All(times, t => Assert.Matches(@"E[SD]T$", t));
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T\d{2}", await page.Locator("ol.timeline").InnerTextAsync());

        await CheckAccessibleAsync(page, "item");
        await SaveScreenshotAsync(page, "item");
        await AssertFitsAPhoneAsync(page, "the item page");
        await CheckAccessibleAsync(page, "item at 390 px");
        await SaveScreenshotAsync(page, "item-390px");

        // Having read it, the head works the item from its page to Resolved; the note says what was done.
        var act = page.GetByRole(AriaRole.Region, new() { Name = "Act" });
        foreach (var (action, state) in new[] { ("acknowledge", "Acknowledged"), ("start", "InProgress") })
        {
            await act.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"the item is now {state}");
        }
        await act.GetByLabel($"Note on work item {ShortId.Of(rnd)}").FillAsync("Dial reprinted at twice the size, black on white");
        await act.GetByRole(AriaRole.Button, new() { Name = "resolve", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the item is now Resolved");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Resolved");
        await Expect(page.Locator("ol.timeline")).ToContainTextAsync("Dial reprinted at twice the size, black on white");
        Assert.Equal("Resolved", (await admin.GetItemAsync(rnd)).State());
    }

    [Fact]
    public async Task A_recurrence_shows_on_the_item_it_joined_and_in_reports_as_the_recurrence_of_that_item()
    {
        var first = Reports.Valid("supply").With("title", "Depot 7 delivers two days late");
        var logistics = (string)(await admin.SubmitAsync(first)).Item("logistics")["id"]!;
        var again = (await admin.SubmitAsync(first.DeepClone().AsObject()
            .With("title", "Depot 7 is late again, now for hospitals").With("severity", "critical")))["reportId"]!.ToString();

        var page = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));
        await page.GotoAsync($"/console/items/{logistics}");
        var recurrences = page.Locator("ul.recurrences");
        await Expect(page.GetByText("The pattern was reported again once while this item was open")).ToBeVisibleAsync();
        await Expect(recurrences).ToContainTextAsync("Depot 7 is late again, now for hospitals");
        await Expect(recurrences).ToContainTextAsync("raised the priority P3 → P1");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("P1");
        await CheckAccessibleAsync(page, "item with a recurrence");
        await SaveScreenshotAsync(page, "item-recurrence");

        // The recurring report has a page of its own, which says which open item it joined.
        await recurrences.GetByRole(AriaRole.Link, new() { Name = "Depot 7 is late again, now for hospitals" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Depot 7 is late again, now for hospitals");
        await Expect(page.Locator("main time").First).ToHaveTextAsync(new Regex("E[SD]T$")); // local time after htmx swapped the page in too
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "The problem" })).ToContainTextAsync("critical");
        await Expect(page.Locator("main")).ToContainTextAsync("Recurrence of Depot 7 delivers two days late (Logistics: Routed, P1; raised P3 → P1)");
        await CheckAccessibleAsync(page, "report");
        await SaveScreenshotAsync(page, "report");

        // In Reports, the recurrence is not an empty row: it names the item it joined, and links to it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        var row = page.Locator($"#report-{ShortId.Of(again)}");
        await Expect(row).ToContainTextAsync("Recurrence of Depot 7 delivers two days late (Logistics: Routed, P1; raised P3 → P1)");
        await row.GetByRole(AriaRole.Link, new() { Name = "Depot 7 delivers two days late" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/console/items/{logistics}$"));

        await page.GotoAsync("/console/reports");
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T|UTC", string.Join(" ", await page.Locator("main time").AllInnerTextsAsync()));
        await CheckAccessibleAsync(page, "reports");
        await SaveScreenshotAsync(page, "reports");
        await AssertFitsAPhoneAsync(page, "the reports page");
        await CheckAccessibleAsync(page, "reports at 390 px");
        await SaveScreenshotAsync(page, "reports-390px");
    }
}
