using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// The admins' pages in a real browser (Debian's Chromium, headless): keys handed out once and
/// revoked after a question, never the last admin key; rules whose diff says what changed and
/// whose simulation errors sit beside the simulation; both usable on a 390 px phone.
[Collection(RealTime.Name)]
public sealed class AdminPagesTests : BrowserStory
{
    [Fact]
    public async Task A_created_key_leaves_the_form_empty_a_revoke_asks_first_and_the_last_admin_key_stays()
    {
        var page = await SignInAsync(RoutingApplication.AdminKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Keys" }).ClickAsync();
        var keys = await KeyCountAsync();

        await page.GetByLabel("Name (required)").FillAsync("Dana (R&D head)");
        await page.GetByLabel("Role (required)").SelectOptionAsync("department-head");
        await page.GetByLabel("Research & Development").CheckAsync();
        // An address the browser refuses (type=email) is never sent; a good one is kept with the key.
        var email = page.GetByLabel("E-mail");
        await email.FillAsync("dana at example");
        Assert.False(await email.EvaluateAsync<bool>("input => input.validity.valid"));
        await email.FillAsync("dana@example.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the key" }).ClickAsync();
        var key = page.GetByLabel("New key");
        await Expect(key).ToHaveValueAsync(new Regex("^rk_"));
        await Expect(key).ToBeFocusedAsync(); // ready to copy
        var dana = await key.InputValueAsync();
        await Expect(page.GetByLabel("Name (required)")).ToHaveValueAsync("");
        await Expect(page.GetByLabel("Research & Development")).Not.ToBeCheckedAsync();
        // Heads' departments by name, not by id.
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Dana (R&D head)" })).ToContainTextAsync("Research & Development");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Dana (R&D head)" })).ToContainTextAsync("dana@example.test");
        await Expect(email).ToHaveValueAsync("");

        // A second click sends nothing (the form is empty) and makes no second key; the new key stays shown.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the key" }).ClickAsync();
        Assert.False(await page.GetByLabel("Name (required)").EvaluateAsync<bool>("input => input.validity.valid"));
        Assert.Equal(keys + 1, await KeyCountAsync());
        await Expect(key).ToHaveValueAsync(dana);
        await CheckAccessibleAsync(page, "keys, created");

        // Revoke asks first, in the row; until the answer the key works.
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Dana (R&D head)" });
        var question = row.GetByText("Revoke Dana (R&D head)'s key? It stops working at once.");
        await Expect(question).ToBeHiddenAsync();
        await row.Locator("summary").ClickAsync();
        await Expect(question).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, "keys, revoke asked");
        await SaveScreenshotAsync(page, "keys");
        using var head = host.Client(key: dana);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/api/departments/rnd/work-items")).StatusCode);
        await row.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dana (R&D head)'s key is revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await head.GetAsync("/api/departments/rnd/work-items")).StatusCode);

        // The signed-in admin's own key is the last admin key: refused, and it keeps working.
        var own = page.GetByRole(AriaRole.Row).Filter(new() { HasText = RoutingApplication.AdminName });
        await own.Locator("summary").ClickAsync();
        await own.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{RoutingApplication.AdminName}'s key is the last live admin key, so it stays");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/keys")).StatusCode);
        await Expect(page).ToHaveURLAsync(new Regex("/console/keys$"));
        await CheckAccessibleAsync(page, "keys, last admin key");

        await AssertFitsAPhoneAsync(page, "keys");
        await CheckAccessibleAsync(page, "keys at 390 px");
        await SaveScreenshotAsync(page, "keys-390px");
    }

    [Fact]
    public async Task The_rules_diff_says_what_changed_simulate_errors_sit_beside_the_form_and_replay_names_reports()
    {
        var title = $"Depot {Guid.NewGuid():N}"[..20];
        var item = (string)(await admin.SubmitAsync(Reports.Valid("supply").With("title", title))).Item("logistics")["id"]!;
        var version = await admin.DraftAsync(Rulesets.SupplyToRnd());
        var page = await SignInAsync(RoutingApplication.AdminKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Rules" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"v{version}", Exact = true }).ClickAsync();

        var diff = page.GetByRole(AriaRole.Region, new() { Name = "Compared with the active v1" });
        await Expect(diff).ToContainTextAsync("Rule SupplyProblemToLogistics changed:");
        await Expect(diff).ToContainTextAsync("department logistics → rnd");
        var versions = page.GetByRole(AriaRole.Navigation, new() { Name = "Versions" });
        await Expect(versions).ToContainTextAsync($"v{version} draft: drafted by {RoutingApplication.AdminName}");
        await Expect(versions).ToContainTextAsync(new Regex("v1\\s+active:\\s+published by \\S+, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"));

        var simulate = page.GetByRole(AriaRole.Region, new() { Name = $"Simulate a report against v{version}" });
        await simulate.GetByLabel("Report (JSON, as POST /api/reports takes it)").FillAsync(Reports.Valid("supply").With("reportCount", "many").ToJsonString());
        await simulate.GetByRole(AriaRole.Button, new() { Name = "Simulate" }).ClickAsync();
        await Expect(simulate.GetByRole(AriaRole.Alert)).ToContainTextAsync("The report cannot be simulated: 1 problem.");
        await Expect(simulate.GetByRole(AriaRole.Alert)).ToContainTextAsync("report.reportCount");
        await Expect(page.GetByText("Nothing was stored")).ToHaveCountAsync(0);
        await Expect(simulate.GetByLabel("Report (JSON, as POST /api/reports takes it)")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAccessibleAsync(page, "rules, simulate error");

        var replay = page.GetByRole(AriaRole.Region, new() { Name = $"Replay stored reports through v{version}" });
        await replay.GetByLabel("From (UTC)").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm"));
        await replay.GetByLabel("To (UTC)").FillAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm"));
        await replay.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Expect(replay.GetByRole(AriaRole.Status)).ToContainTextAsync("1 would route differently");
        var report = await ReportOfAsync(item);
        await Expect(replay.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveAttributeAsync("href", $"/console/reports/{report}");
        await Expect(replay.GetByRole(AriaRole.Status)).ToContainTextAsync($"({Routing.Host.Pages.ShortId.Of(report)}): logistics → rnd");
        await CheckAccessibleAsync(page, "rules");
        await SaveScreenshotAsync(page, "rules");

        await AssertFitsAPhoneAsync(page, "rules");
        await CheckAccessibleAsync(page, "rules at 390 px");
        await SaveScreenshotAsync(page, "rules-390px");
        // The simulation's table of rules (long names) fits too.
        await simulate.GetByLabel("Report (JSON, as POST /api/reports takes it)").FillAsync(Reports.Valid("supply").ToJsonString());
        await simulate.GetByRole(AriaRole.Button, new() { Name = "Simulate" }).ClickAsync();
        await Expect(simulate.GetByRole(AriaRole.Status)).ToContainTextAsync("Routes: rnd (");
        await AssertFitsAPhoneAsync(page, "rules, simulated");
        await CheckAccessibleAsync(page, "rules, simulated, at 390 px");
    }

    async Task<int> KeyCountAsync() => JsonNode.Parse(await admin.GetStringAsync("/api/keys"))!.AsArray().Count;

    async Task<string> ReportOfAsync(string item) => (string)JsonNode.Parse(await admin.GetStringAsync($"/api/work-items/{item}"))!["reportId"]!;
}
