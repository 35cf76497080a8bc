using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.Playwright;
using Routing.Host.Pages;
using Routing.Tests.Calendars;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// Due times in people's time, in a real browser: an item of a department on the Berlin office's
/// calendar says its working time left and when that is on Berlin's clock, whatever the reader's
/// own zone (New York here); a SCAR waiting on the CSMs is marked paused on its page and in the
/// inbox. The host runs in real time: the words are checked against the API's answers.
[Collection(RealTime.Name)]
public sealed class WorkingTimeBrowserTests() : BrowserStory(timeZone: "America/New_York", locale: "en-US")
{
    protected override string? RulesFolder => CalendarRules.Folder;

    static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// An instant on Berlin's clock as the console writes it (this story's items fall due within the week).
    static string OnBerlinsClock(string instant) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(instant), Berlin).ToString("ddd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_head_reads_working_time_on_the_calendars_clock_and_sees_a_waiting_SCAR_marked_paused()
    {
        // P1: acknowledge within 4 working hours; at most 4 days away with the weekend (never a week).
        var receipt = await admin.SubmitAsync(Reports.Valid("quality", "critical").With("segment.accessibility", "low vision"));
        var rnd = await admin.GetItemAsync((string)receipt.Item("rnd")["id"]!);
        var scar = (string)(await admin.SubmitAsync(Reports.Valid("third-party", "critical").With("vendor", "acme-parts")
            .With("segment.region", $"r-{Guid.NewGuid():N}"))).Item("acme-parts")["id"]!;
        await admin.DoWithAsync(scar, "confirm-containment", new Dictionary<string, string> { ["containment"] = "Stock held", ["containment.confirmedBy"] = "Ann Lee" });
        var paused = await admin.DoWithAsync(scar, "propose-cause", new Dictionary<string, string>
        {
            ["rootCause.method"] = "5-whys", ["rootCause.cause"] = "A worn die", ["correctiveAction.plan"] = "New die", ["correctiveAction.due"] = "2027-01-15",
        });
        Assert.True(XmlConvert.ToTimeSpan((string)rnd["ackDueIn"]!) <= TimeSpan.FromHours(4));

        var page = await SignInAsync(await admin.CreateKeyAsync("department-head", "rnd", "acme-parts"));
        await page.GotoAsync($"/console/items/{rnd["id"]}");
        var facts = page.Locator("dl.facts").First;
        await Expect(facts).ToContainTextAsync(new Regex(
            $@"Acknowledge\s*due in (\d h|\d h \d+ min|\d+ min) of working time \({OnBerlinsClock((string)rnd["ackDueAt"]!)}, Europe/Berlin\)"));
        await CheckAccessibleAsync(page, "item on a calendar");
        await SaveScreenshotAsync(page, "item-working-time");

        await page.GotoAsync($"/console/items/{scar}");
        var mark = page.Locator("dd.paused");
        await Expect(mark.Locator(".badge-paused")).ToHaveTextAsync("Paused");
        await Expect(mark).ToContainTextAsync(new Regex(
            $@"SLA clock paused since {OnBerlinsClock((string)paused["pausedAt"]!)}, Europe/Berlin \(waiting: CauseProposed\) — \d+ h( \d+ min)? of working time left to resolve"));
        await CheckAccessibleAsync(page, "paused item");
        await SaveScreenshotAsync(page, "item-paused");
        await AssertFitsAPhoneAsync(page, "a paused item's page");
        await CheckAccessibleAsync(page, "paused item at 390 px");
        await SaveScreenshotAsync(page, "item-paused-390px");

        await page.GotoAsync("/console/inbox?department=acme-parts&state=open");
        var row = page.Locator($"#item-{ShortId.Of(scar)}");
        await Expect(row.Locator(".badge-paused")).ToHaveTextAsync("Paused");
        await Expect(row).ToContainTextAsync("(waiting: CauseProposed)");
        await CheckAccessibleAsync(page, "inbox with a paused item at 390 px");
        await AssertFitsAPhoneAsync(page, "the inbox with a paused item");
        await SaveScreenshotAsync(page, "inbox-paused-390px");
        await page.SetViewportSizeAsync(1280, 900);
        await SaveScreenshotAsync(page, "inbox-paused");
    }
}
