using Microsoft.Playwright;
using Routing.Engine.Metrics;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// The Accountability page in a real browser, one host for both roles: an R&D head reaches it from
/// the menu, sees R&D only, switches to months by keyboard; an admin sees every department, picks
/// one, downloads its CSV and reads the rules view. Each page is axe-clean and fits a phone.
[Collection(RealTime.Name)]
public sealed class AccountabilityBrowserTests() : BrowserStory(locale: "en-US")
{
    [Fact]
    public async Task A_head_sees_their_departments_trends_and_an_admin_every_department_the_rules_and_the_csv()
    {
        // This week, as it happens: R&D gets three items and acknowledges two; Logistics hands one of its two back.
        string[] rnd = [.. await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            (string)(await admin.SubmitAsync(Reports.Valid("design", "critical"))).Item("rnd")["id"]!))];
        string[] logistics = [.. await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            (string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!))];
        await admin.DoAsync(rnd[0], "acknowledge");
        await admin.DoAsync(rnd[1], "acknowledge");
        await admin.DoAsync(logistics[0], "hand-back", "A vendor's part, not our depot");
        await PastWeeksAsync();

        var head = await SignInAsync(await admin.CreateKeyAsync("department-head", "rnd"));
        await head.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Accountability" }).ClickAsync();
        await Expect(head.GetByRole(AriaRole.Heading, new() { Name = "Research & Development, week by week" })).ToBeVisibleAsync();
        var summary = head.Locator("table.accountability-summary tbody tr");
        await Expect(summary).ToHaveCountAsync(1);
        await Expect(summary.First).ToContainTextAsync("Research & Development");
        await Expect(head.Locator("#department")).ToHaveCountAsync(0); // one department: nothing to choose
        await Expect(head.GetByRole(AriaRole.Img, new() { Name = "Research & Development: share acknowledged and resolved within the SLA per week" })).ToBeVisibleAsync();
        // This week so far: 3 opened, as the table beside the chart says.
        await Expect(head.Locator("#flow-table tbody tr").Last.Locator("td[data-label='Opened']")).ToHaveTextAsync("3");
        await CheckAccessibleAsync(head, "accountability, a head");

        // By keyboard: months instead of weeks.
        await head.Locator("#interval").FocusAsync();
        await head.Keyboard.PressAsync("ArrowDown");
        await Expect(head.Locator("#interval")).ToHaveValueAsync("month");
        await head.Keyboard.PressAsync("Tab");
        await Expect(head.Locator("#from")).ToBeFocusedAsync();
        // On through the two days' fields (a date field takes a Tab for its day, month and year) to the button.
        var show = head.GetByRole(AriaRole.Button, new() { Name = "Show" });
        for (var tabs = 0; tabs < 10 && !await show.EvaluateAsync<bool>("b => b === document.activeElement"); tabs++)
            await head.Keyboard.PressAsync("Tab");
        await Expect(show).ToBeFocusedAsync();
        await head.Keyboard.PressAsync("Enter");
        await Expect(head).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("interval=month"));
        await Expect(head.GetByRole(AriaRole.Heading, new() { Name = "Research & Development, month by month" })).ToBeVisibleAsync();
        await AssertFitsAPhoneAsync(head, "the accountability page, a head's");

        var page = await SignInAsync(RoutingApplication.AdminKey);
        await page.GotoAsync("/console/accountability");
        await Expect(page.Locator("table.accountability-summary tbody tr")).ToHaveCountAsync(9);
        await page.Locator("#department").SelectOptionAsync("rnd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Research & Development, week by week" })).ToBeVisibleAsync();
        var csv = page.GetByRole(AriaRole.Link, new() { Name = "Download these figures as CSV" });
        var download = await page.RunAndWaitForDownloadAsync(() => csv.ClickAsync());
        Assert.StartsWith("departments-", download.SuggestedFilename);
        Assert.StartsWith("department,name,workingTime,start,end,complete,opened,", await File.ReadAllTextAsync(await download.PathAsync()));
        await CheckAccessibleAsync(page, "accountability, an admin");
        await SaveScreenshotAsync(page, "accountability");
        await AssertFitsAPhoneAsync(page, "the accountability page");
        await page.SetViewportSizeAsync(1280, 720);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Link, new() { Name = "Rules" }).ClickAsync();
        var handedBack = page.Locator("table.rule-figures tr", new() { HasText = "SupplyProblemToLogistics" });
        await Expect(handedBack.Locator("td[data-label='Handed back']")).ToContainTextAsync("1 (50%)");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download these figures as CSV" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/console/metrics/rules.csv\\?"));
        await CheckAccessibleAsync(page, "accountability, the rules");
        await AssertFitsAPhoneAsync(page, "the accountability page's rules");
    }

    /// Eleven past weeks of R&D and Logistics as the period cache keeps them (the page reads closed
    /// periods from there), so the charts have a trend to draw: figures made up for the picture.
    async Task PastWeeksAsync()
    {
        await using var db = Store.Open();
        var now = DateTimeOffset.UtcNow;
        var current = Periods.StartOf(now, MetricsInterval.Week);
        foreach (var (department, size) in new[] { ("rnd", 12), ("logistics", 20) })
            for (var week = 1; week <= 11; week++)
            {
                var opened = size + week % 4 * 2;
                var acknowledged = opened - 1;
                var resolved = opened - 2 + week % 3;
                db.MetricPeriods.Add(new MetricPeriod
                {
                    Department = department, Interval = "week", Start = current.AddDays(-7 * week), End = current.AddDays(-7 * week + 7),
                    Definition = DepartmentTrends.Definition, Opened = opened, Acknowledged = acknowledged,
                    AcknowledgedWithinSla = acknowledged - week % 3 - (week > 6 ? 2 : 0),
                    AckMedianSeconds = 3600 * (1.5 + week % 3 * 0.5), AckP90Seconds = 3600 * (4 + week % 4),
                    Resolved = resolved, ResolvedWithinSla = resolved - 1 - week % 2 - (week > 6 ? 2 : 0),
                    ResolveMedianSeconds = 3600 * (20 + week * 2), ResolveP90Seconds = 3600 * (50 + week * 4 + week % 3 * 6),
                    BacklogDays0To2 = 3 + week % 3, BacklogDays3To7 = 2 + week % 2, BacklogDays8To30 = week / 3, BacklogOver30 = week > 8 ? 1 : 0,
                    Reopened = week % 4 == 0 ? 1 : 0, Escalations = week % 3, HandedBack = week % 5 == 0 ? 1 : 0, Judged = 2, Effective = week % 2 + 1,
                    ComputedAt = now,
                });
            }
        await db.SaveChangesAsync();
    }
}
