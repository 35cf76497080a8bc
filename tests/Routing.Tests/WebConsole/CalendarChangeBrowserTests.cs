using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Routing.Tests.Calendars;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// An admin looking at a draft that adds a holiday to logistics' calendar is told, before
/// publishing, that the due times of its open item move and how far; publishing says they moved.
public sealed class CalendarChangeBrowserTests : BrowserStory
{
    protected override string? RulesFolder => CalendarChangeFixture.Rules;

    [Fact]
    public async Task A_drafts_comparison_says_how_publishing_moves_open_items_due_times()
    {
        var item = (await admin.SubmitAsync(Reports.Valid("supply", "medium"))).Item("logistics");
        // A holiday on the day the acknowledgement is due: it moves at least to the next working day.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(CalendarChangeFixture.Zone);
        var dueDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.Parse((string)item["ackDueAt"]!), zone).DateTime);
        var active = await admin.GetJsonAsync("/api/rules");
        var draft = new JsonObject
        {
            ["workflows"] = active["workflows"]!.DeepClone(), ["departments"] = active["departments"]!.DeepClone(), ["calendars"] = active["calendars"]!.DeepClone(),
        };
        draft["calendars"]!.AsArray().Single(c => (string)c!["id"]! == "office-logistics")!["holidays"] =
            new JsonObject { ["dates"] = new JsonArray($"{dueDay:yyyy-MM-dd}") };
        var version = await admin.DraftAsync(draft);

        var page = await SignInAsync(RoutingApplication.AdminKey);
        await page.GotoAsync($"/console/rules?version={version}");
        var diff = page.GetByRole(AriaRole.Region, new() { Name = "Compared with the active v1" });
        await Expect(diff).ToContainTextAsync("Calendar office-logistics changed:");
        await Expect(diff.Locator("#due-times-moved")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex(@"^Publishing moves the due times of 1 open item \(by up to (\d+ d ?)?(\d+ h ?)?(\d+ min)? later\)\.$"));
        await CheckAccessibleAsync(page, "rules: a draft that moves due times");
        await SaveScreenshotAsync(page, "rules-due-times-moved");
        await AssertFitsAPhoneAsync(page, "rules: a draft that moves due times");
        await SaveScreenshotAsync(page, "rules-due-times-moved-390px");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Publish v") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Published v{version} (was v1). The due times of 1 open item moved to the new calendars.");
    }
}
