using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Routing.Tests.Imports;
using Routing.Tests.Infrastructure;
using Routing.Tests.Patterns;
using static Microsoft.Playwright.Assertions;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.WebConsole;

/// A CSM's way from complaints to a routed report in a real browser: the planted patterns
/// imported and scanned, the season found among the candidates, read month by month and by its
/// complaints, and submitted from its page.
[Collection(RealTime.Name)]
public sealed class PatternsPageTests : BrowserStory
{
    [Fact]
    public async Task A_csm_finds_the_planted_season_reads_its_chart_and_complaints_submits_it_and_reaches_the_report()
    {
        Assert.Equal(0L, (long)(await admin.PostAsync("/api/complaints", AsNdjson(PlantedPatterns.Complaints()), Ndjson)).Body!["rejected"]!);
        Assert.Equal(0L, (long)(await admin.PostAsync("/api/exposure", AsNdjson(PlantedPatterns.UnitsSold()), Ndjson)).Body!["rejected"]!);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.PostAsync("/api/patterns/scan", "", Json)).Status);

        var csm = await SignInAsync(await admin.CreateKeyAsync("csm"));
        await csm.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Patterns", Exact = true }).ClickAsync();
        await Expect(csm.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Candidate patterns");
        var season = csm.GetByRole(AriaRole.Row).Filter(new() { HasText = "HX-200 heater, Nov–Mar:" });
        await Expect(season).ToContainTextAsync("100 quality complaints on 10,000 units (1.0%) against 0.1% elsewhere — 10.0×");
        await Expect(season.GetByRole(AriaRole.Cell).Filter(new() { HasText = "Nov–Mar" }).First).ToBeVisibleAsync();
        await CheckAccessibleAsync(csm, "patterns");
        await SaveScreenshotAsync(csm, "patterns");
        await AssertFitsAPhoneAsync(csm, "patterns");
        await SaveScreenshotAsync(csm, "patterns-phone");
        await csm.SetViewportSizeAsync(1280, 800);

        await season.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(csm.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("HX-200 heater, Nov–Mar · quality");
        // The chart, by its name; its numbers in the table: November's 20 complaints on 2,000 units, April's elsewhere.
        await Expect(csm.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Complaints per unit sold, month by month: Nov–Mar against") })).ToBeVisibleAsync();
        await csm.GetByText("The numbers month by month").ClickAsync();
        var months = csm.GetByRole(AriaRole.Table).Filter(new() { Has = csm.GetByRole(AriaRole.Columnheader, new() { Name = "Month" }) });
        await Expect(months.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nov 2025" })).ToContainTextAsync("20 of 2,000 (1.0%)");
        await Expect(months.GetByRole(AriaRole.Row).Filter(new() { HasText = "Apr 2025" })).ToContainTextAsync("2 of 2,000 (0.1%)");
        // Its complaints, 20 a page.
        await Expect(csm.GetByText("100 complaints, oldest first; page 1 of 5.")).ToBeVisibleAsync();
        await Expect(csm.GetByRole(AriaRole.Cell, new() { Name = "HX-200 heater/quality/Michigan/1//1", Exact = true })).ToBeVisibleAsync(); // January first
        await CheckAccessibleAsync(csm, "candidate");
        await SaveScreenshotAsync(csm, "patterns-candidate");
        await AssertFitsAPhoneAsync(csm, "candidate");
        await SaveScreenshotAsync(csm, "patterns-candidate-phone");
        await csm.SetViewportSizeAsync(1280, 800);
        await csm.GetByRole(AriaRole.Link, new() { Name = "Next complaints" }).ClickAsync();
        await Expect(csm.GetByText("100 complaints, oldest first; page 2 of 5.")).ToBeVisibleAsync();
        // Dismiss asks first, in place, by keyboard too.
        await csm.GetByText("Dismiss…").FocusAsync();
        await csm.Keyboard.PressAsync("Enter");
        await Expect(csm.GetByLabel("Reason (required)")).ToBeVisibleAsync();
        await CheckAccessibleAsync(csm, "candidate, dismissal asked");
        await csm.Keyboard.PressAsync("Enter");
        await Expect(csm.GetByLabel("Reason (required)")).ToBeHiddenAsync();

        // Submitted from the form the candidate filled in: severity is the CSM's to say.
        await Expect(csm.GetByLabel("Description")).ToHaveValueAsync(new Regex("^HX-200 heater, Nov–Mar: 100 quality complaints"));
        await csm.GetByRole(AriaRole.Button, new() { Name = "Submit as a report" }).ClickAsync();
        await Expect(csm.GetByRole(AriaRole.Alert)).ToContainTextAsync("Severity is required.");
        await Expect(csm.GetByLabel("Severity (required)")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAccessibleAsync(csm, "candidate with an error");
        await csm.GetByLabel("Severity (required)").SelectOptionAsync("high");
        await csm.GetByLabel("Recommendation").FillAsync("Check the igniter below -10 °C");
        await csm.GetByRole(AriaRole.Button, new() { Name = "Submit as a report" }).ClickAsync();

        await Expect(csm).ToHaveURLAsync(new Regex("/console/reports/[0-9a-f-]{36}\\?submitted=true$"));
        await Expect(csm.GetByRole(AriaRole.Status)).ToContainTextAsync("Submitted and routed: this report is the candidate pattern");
        await Expect(csm.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("HX-200 heater, Nov–Mar: quality complaints out of line");
        await Expect(csm.GetByRole(AriaRole.Link, new() { Name = "Manufacturing" })).ToBeVisibleAsync();
        await CheckAccessibleAsync(csm, "report of a pattern");

        // Back on the list, it is no longer open.
        await csm.GetByRole(AriaRole.Link, new() { Name = "Patterns", Exact = true }).ClickAsync();
        await Expect(csm.GetByRole(AriaRole.Row).Filter(new() { HasText = "HX-200 heater, Nov–Mar:" })).ToHaveCountAsync(0);
        await csm.GetByLabel("Status").SelectOptionAsync("submitted");
        await csm.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(csm.GetByRole(AriaRole.Row).Filter(new() { HasText = "HX-200 heater, Nov–Mar:" })).ToContainTextAsync("submitted");
    }
}
