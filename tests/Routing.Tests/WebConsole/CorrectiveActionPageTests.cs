using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Routing.Host.Pages;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// A corrective action in a real browser, on the shipped rules: an R&D head takes a seasonal
/// heater pattern from Routed to Resolved through every step the lifecycle requires, by keyboard,
/// and cannot skip one: a root cause left empty is refused at its field, and resolve is not
/// offered before the action is planned.
[Collection(RealTime.Name)]
public sealed class CorrectiveActionPageTests() : BrowserStory(locale: "en-US")
{
    protected override string RulesFolder => TestRules.Shipped;

    [Fact]
    public async Task An_rnd_head_takes_a_seasonal_heater_pattern_through_every_step_and_cannot_resolve_without_a_root_cause()
    {
        var receipt = await admin.SubmitAsync(Reports.Valid("quality").With("title", "HX-200 heater stops in winter").With("segment.months", new JsonArray(12, 1, 2)));
        var item = (string)receipt.Item("rnd")["id"]!;
        var key = await admin.CreateKeyAsync("department-head", "rnd");
        var page = await SignInAsync(key);

        // The inbox links the first step to its form on the item page.
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = ShortId.Of(item) });
        await CheckAccessibleAsync(page, "inbox, a step's link");
        await SaveScreenshotAsync(page, "capa-inbox");
        await row.GetByRole(AriaRole.Link, new() { Name = "Record containment" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/console/items/{item}#act-contain$"));
        var act = page.GetByRole(AriaRole.Region, new() { Name = "Act", Exact = true });
        await Expect(act.GetByRole(AriaRole.Group, new() { Name = "Record containment" })).ToBeVisibleAsync();
        await Expect(act.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToHaveCountAsync(0);

        await TypeAsync(page, "Containment done now (required)", "HX-200 stock quarantined at both depots; replacements sent to 40 customers");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done (contain): the item is now Contained.");
        await Expect(act.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToHaveCountAsync(0);
        // Nor does the API take a resolve now.
        using var api = host.Client(key: key);
        var skipped = await api.PostAsJsonAsync($"/api/work-items/{item}/resolve", new
        {
            version = 2, fields = new Dictionary<string, string> { ["correctiveAction.taken"] = "New board", ["preventiveAction"] = "Cold test" },
        });
        Assert.Equal(HttpStatusCode.Conflict, skipped.StatusCode);

        // The root cause left empty: refused at its field, what was typed kept, nothing changed.
        var method = page.GetByLabel("Root-cause method (required)");
        await method.FocusAsync();
        await page.Keyboard.TypeAsync("fishbone");
        await Expect(method).ToHaveValueAsync("fishbone");
        await TypeAsync(page, "Where else the cause could exist (required)", "The HX-300 uses the same control board");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Nothing changed: 1 field needs attention.");
        var cause = page.GetByLabel("Root cause (required)");
        await Expect(cause).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(cause).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Root cause is required to record root cause\\.$"));
        await Expect(page.GetByLabel("Where else the cause could exist (required)")).ToHaveValueAsync("The HX-300 uses the same control board");
        await Expect(method).ToHaveValueAsync("fishbone");
        await Expect(act).ToBeFocusedAsync();
        Assert.Equal(("Contained", 2), await StateAsync(item));
        await CheckAccessibleAsync(page, "item, root cause refused");
        await SaveScreenshotAsync(page, "capa-cause-refused");
        await AssertFitsAPhoneAsync(page, "the item page, root cause refused");
        await SaveScreenshotAsync(page, "capa-cause-refused-390px");
        await page.SetViewportSizeAsync(1280, 800);

        await TypeAsync(page, "Root cause (required)", "Solder joints on the control board crack below -10 C");
        await page.Keyboard.PressAsync("Tab"); // to the next field, then the button
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done (find-cause): the item is now CauseFound.");
        await Expect(act.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToHaveCountAsync(0);

        await TypeAsync(page, "Corrective action (required)", "Flexible solder alloy on the control board from lot 2612");
        await TypeAsync(page, "Owner (required)", "Dana Reyes");
        var due = page.GetByLabel("Due date (required)");
        await due.FocusAsync();
        await page.Keyboard.TypeAsync("12152026");
        await Expect(due).ToHaveValueAsync("2026-12-15");
        await page.Keyboard.PressAsync("Enter"); // a one-line field: Enter sends its form
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done (plan-action): the item is now ActionPlanned.");

        await TypeAsync(page, "Action taken (required)", "Lot 2612 boards fitted; cold chamber passes at -25 C");
        await TypeAsync(page, "Preventive action (required)", "Cold test added to the HX-300 line too");
        await page.Keyboard.PressAsync("Tab");
        await Expect(act.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done (resolve): the item is now Resolved.");
        Assert.Equal(("Resolved", 5), await StateAsync(item));

        var record = page.GetByRole(AriaRole.Region, new() { Name = "Corrective action record" });
        await Expect(record).ToContainTextAsync("Solder joints on the control board crack below -10 C");
        await Expect(record).ToContainTextAsync("15 Dec 2026");
        await Expect(record.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync(
            ["Record containment", "Record root cause", "Plan corrective action", "Resolve"]);
        await Expect(record).Not.ToContainTextAsync("Not recorded yet");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("Preventive action");
        await CheckAccessibleAsync(page, "item, CAPA record");
        await record.ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync(page, "capa-record");
        await AssertFitsAPhoneAsync(page, "the item page, CAPA record");
        await SaveScreenshotAsync(page, "capa-record-390px");
    }

    /// Types into a field as a person does: focus it by its label, then the keys.
    static async Task TypeAsync(IPage page, string label, string text)
    {
        await page.GetByLabel(label, new() { Exact = true }).FocusAsync();
        await page.Keyboard.TypeAsync(text);
    }

    async Task<(string, int)> StateAsync(string item)
    {
        var body = await admin.GetItemAsync(item);
        return (body.State(), (int)body["version"]!);
    }
}
