using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Routing.Host.Pages;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;
using static Microsoft.Playwright.Assertions;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.WebConsole;

/// A manufacturing head resolves a corrective action whose fix will be measured, in a real
/// browser, by keyboard: the item page shows the segment's rate before it; in the resolve step
/// a looser target without a note is refused at the note; a tighter one is the criterion the
/// history keeps, and the page then shows the criterion, the chart and its table.
[Collection(RealTime.Name)]
public sealed class EffectivenessBrowserTests() : BrowserStory(locale: "en-US")
{
    protected override string RulesFolder => TestRules.Shipped;

    [Fact]
    public async Task A_head_resolves_with_a_tighter_target_a_looser_one_needs_a_note_and_the_page_shows_the_criterion_and_the_chart()
    {
        // A year of 3,000 units a month and 60 complaints a month (2%), up to last month.
        var product = $"HX-200 heater {Guid.NewGuid():N}";
        var thisMonth = DateOnly.FromDateTime(DateTime.UtcNow);
        thisMonth = new(thisMonth.Year, thisMonth.Month, 1);
        var sales = Enumerable.Range(1, 12).Select(i => thisMonth.AddMonths(-i)).Select(m => new JsonObject
            { ["product"] = product, ["region"] = "Michigan", ["month"] = $"{m:yyyy-MM}", ["unitsSold"] = 3000 });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/exposure", AsNdjson(sales), Ndjson)).Status);
        var complaints = Enumerable.Range(1, 12).SelectMany(i => Enumerable.Range(0, 60).Select(n =>
            Complaint($"{product}-{i}-{n}", product, receivedAt: $"{thisMonth.AddMonths(-i).AddDays(n % 28):yyyy-MM-dd}T10:00:00Z")));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/complaints", AsNdjson(complaints), Ndjson)).Status);
        var receipt = await admin.SubmitAsync(Reports.Valid("quality").With("product", product).With("unitsSold", 36000).With("affectedUnits", 720));
        var item = (string)receipt.Item("manufacturing")["id"]!;
        foreach (var (action, fields) in LifecycleActions.CapaSteps[..3])
            await admin.DoWithAsync(item, action, fields);

        var page = await SignInAsync(await admin.CreateKeyAsync("department-head", "manufacturing"));
        await page.GotoAsync($"/console/items/{item}");
        var effectiveness = page.GetByRole(AriaRole.Region, new() { Name = "Effectiveness" });
        await Expect(effectiveness.Locator("strong.verdict")).ToHaveTextAsync("Pending");
        await Expect(effectiveness).ToContainTextAsync("The criterion is fixed when the item is resolved. Before the fix so far: 720 complaints on 36,000 units (2%)");
        await Expect(effectiveness.Locator("table.effectiveness-months tbody tr")).ToHaveCountAsync(12);

        // In the resolve step, a target of 20 per 1,000 (2%) is looser than the default (1%):
        // refused at the note, what was typed kept.
        var step = page.Locator("#act-resolve");
        await step.Locator("[name='fields[correctiveAction.taken]']").FillAsync("Cold-rated solder on every board");
        await step.Locator("[name='fields[preventiveAction]']").FillAsync("Cold test added to the line");
        var target = step.GetByLabel("Target (complaints per 1,000 units)");
        await target.FocusAsync();
        await page.Keyboard.TypeAsync("20");
        await page.Keyboard.PressAsync("Tab");
        await Expect(step.GetByLabel("Watch for (days)")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        var note = step.GetByLabel("Note (optional)");
        await Expect(note).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Nothing changed: the note is required to loosen the effectiveness criterion");
        step = page.Locator("#act-resolve");
        await Expect(step.Locator("#act-resolve-note-error")).ToContainTextAsync("The note is required to loosen the effectiveness criterion");
        await Expect(step.GetByLabel("Note (optional)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(step.GetByLabel("Target (complaints per 1,000 units)")).ToHaveValueAsync("20");
        await CheckAccessibleAsync(page, "item, a looser criterion refused");
        await step.ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync(page, "effectiveness-resolve");

        // 5 per 1,000 (0.5%) is tighter: the criterion the history keeps, with no note needed.
        await step.GetByLabel("Target (complaints per 1,000 units)").FillAsync("5");
        await step.GetByRole(AriaRole.Button).Last.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done (resolve): the item is now Resolved.");
        await Expect(page.Locator("ol.timeline")).ToContainTextAsync("must fall to 0.5%, tightened from 1%");

        effectiveness = page.GetByRole(AriaRole.Region, new() { Name = "Effectiveness" });
        await Expect(effectiveness.Locator("strong.verdict")).ToHaveTextAsync("Pending");
        var criterion = effectiveness.Locator("dl.criterion");
        await Expect(criterion).ToContainTextAsync($"{product}, quality");
        await Expect(criterion).ToContainTextAsync("720 complaints on 36,000 units sold (2.00%)");
        await Expect(criterion).ToContainTextAsync("0.50%, tightened from the default 1.00%");
        await Expect(criterion).ToContainTextAsync("(30 days)");
        await Expect(effectiveness.GetByRole(AriaRole.Img)).ToHaveAttributeAsync("aria-labelledby", "effectiveness-chart-title");
        await Expect(effectiveness.Locator("figcaption")).ToContainTextAsync("the target 0.50% (dashed)");
        await effectiveness.GetByText("The numbers month by month").ClickAsync();
        await Expect(effectiveness.Locator("table.effectiveness-months")).ToBeVisibleAsync();

        await CheckAccessibleAsync(page, "item, a measured fix");
        await effectiveness.ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync(page, "effectiveness");
        await AssertFitsAPhoneAsync(page, "the item page with its effectiveness");
        await CheckAccessibleAsync(page, "item, a measured fix, at 390 px");
        await SaveScreenshotAsync(page, "effectiveness-phone");
    }
}
