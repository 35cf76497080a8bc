using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// Calendars in the rules editor, in a real browser: an admin takes a calendar's holidays from
/// an .ics file (a draft whose comparison names the calendar), and is refused a broken calendar
/// with its place named, beside the calendars' editor.
public sealed class CalendarConsoleTests : BrowserStory
{
    protected override string? RulesFolder => TestRules.Shipped;

    const string Ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Corp//Holidays//EN\r\nBEGIN:VEVENT\r\nUID:inventory@example.com\r\n" +
                       "DTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20270104\r\nDTEND;VALUE=DATE:20270106\r\nSUMMARY:Inventory\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    [Fact]
    public async Task An_admin_drafts_holidays_from_an_ics_file_and_is_refused_a_broken_calendar_at_its_place()
    {
        var page = await SignInAsync(RoutingApplication.AdminKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Rules" }).ClickAsync();
        var section = page.GetByRole(AriaRole.Region, new() { Name = "Holidays from an iCal file" });
        await section.GetByLabel("Calendar").SelectOptionAsync("office-chicago");
        await section.GetByLabel("iCal file").SetInputFilesAsync(new FilePayload
        {
            Name = "holidays.ics", MimeType = "text/calendar", Buffer = Encoding.UTF8.GetBytes(Ics),
        });
        await section.GetByRole(AriaRole.Button, new() { Name = "Draft with these holidays" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rules: version 2");
        var diff = page.GetByRole(AriaRole.Region, new() { Name = "Compared with the active v1" });
        await Expect(diff).ToContainTextAsync("Calendar office-chicago changed:");
        await Expect(diff).ToContainTextAsync("Inventory");
        var calendars = JsonNode.Parse(await RulesTextAsync(page, "calendars"))!.AsArray();
        Assert.Contains("Inventory", (string)calendars.Single(c => (string)c!["id"]! == "office-chicago")!["holidays"]!["ical"]!);
        await CheckAccessibleAsync(page, "rules with a holidays draft");
        await SaveScreenshotAsync(page, "rules-holidays-draft");

        // A calendar without working time: refused at its place, the calendars' editor marked, nothing stored.
        await RulesEditorReadyAsync(page);
        var editor = page.GetByLabel("Calendars (JSON)");
        var broken = calendars.DeepClone().AsArray();
        broken.Single(c => (string)c!["id"]! == "always")!["week"] = new JsonArray();
        await editor.FillAsync(broken.ToJsonString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("calendars/always/week");
        await Expect(editor).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Lifecycles (JSON)")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(2, JsonNode.Parse(await admin.GetStringAsync("/api/rules/versions"))!.AsArray().Count);
        await CheckAccessibleAsync(page, "rules with a broken calendar");
        await AssertFitsAPhoneAsync(page, "rules with a broken calendar");
        await SaveScreenshotAsync(page, "rules-calendar-refused-390px");
    }
}
