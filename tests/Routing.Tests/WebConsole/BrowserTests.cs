using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Routing.Host.Pages;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// The console in a real browser (Debian's Chromium, headless): the stories each role lives,
/// an accessibility check (axe) of every page, and a screenshot of each main page. The stories
/// share a host: each finds its own item by its id and its report by its product, and none
/// publishes rules.
[Collection(RealTime.Name)]
public sealed class BrowserTests(StoryHost shared) : BrowserStory(shared: shared), IClassFixture<StoryHost>
{
    [Fact]
    public async Task A_head_signs_in_acknowledges_and_resolves_an_item_and_sees_it_in_the_timeline()
    {
        var receipt = await admin.SubmitAsync(Reports.Valid("supply").With("title", "Depot 7 delivers two days late"));
        var item = (string)receipt.Item("logistics")["id"]!;
        var page = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));
        await CheckAccessibleAsync(page, "inbox");
        await SaveScreenshotAsync(page, "inbox");

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = ShortId.Of(item) });
        await row.GetByLabel($"Note on Depot 7 delivers two days late ({ShortId.Of(item)})").FillAsync("Carrier swapped at depot 7");
        await row.GetByRole(AriaRole.Button, new() { Name = "acknowledge", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the item is now Acknowledged");
        await row.GetByRole(AriaRole.Button, new() { Name = "start", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the item is now InProgress");
        await row.GetByLabel($"Note on Depot 7 delivers two days late ({ShortId.Of(item)})").FillAsync("Depot 7 on time again");
        await row.GetByRole(AriaRole.Button, new() { Name = "resolve", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the item is now Resolved");

        await row.GetByRole(AriaRole.Link, new() { Name = "Depot 7 delivers two days late" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(ShortId.Of(item));
        await Expect(page.GetByRole(AriaRole.List).Last).ToContainTextAsync("Carrier swapped at depot 7");
        await CheckAccessibleAsync(page, "item");
        Assert.Equal("Resolved", (await admin.GetItemAsync(item)).State());
    }

    [Fact]
    public async Task A_csm_submits_a_pattern_a_head_resolves_it_and_an_auditor_finds_it_in_the_history()
    {
        var csm = await SignInAsync(await admin.CreateKeyAsync("csm"));
        await csm.GetByRole(AriaRole.Link, new() { Name = "Submit a pattern" }).ClickAsync();
        await CheckAccessibleAsync(csm, "submit");
        await csm.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(csm.GetByRole(AriaRole.Alert)).ToContainTextAsync("need attention");
        await Expect(csm.GetByLabel("Title (required)")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAccessibleAsync(csm, "submit with errors");

        var product = $"Depot 7 route {Guid.NewGuid():N}"[..24];
        await csm.GetByLabel("Title (required)").FillAsync("Parcels from depot 7 arrive two days late");
        await csm.GetByLabel("Product (required)").FillAsync(product);
        await csm.GetByLabel("Category (required)").SelectOptionAsync("supply");
        await csm.GetByLabel("Severity (required)").SelectOptionAsync("high");
        await csm.GetByLabel("Number of reports (required)").FillAsync("41");
        await csm.GetByLabel("Evidence (required)").FillAsync("ticket-5512\nticket-5530");
        await csm.GetByLabel("Verified by (required)").FillAsync("csm-team-lead");
        await csm.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(csm.GetByRole(AriaRole.Status)).ToContainTextAsync("SupplyProblemToLogistics");
        await CheckAccessibleAsync(csm, "submitted");
        await SaveScreenshotAsync(csm, "submitted");
        var item = (await csm.GetByRole(AriaRole.Link, new() { Name = "logistics" }).GetAttributeAsync("href"))!.Split('/')[^1];
        await csm.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await Expect(csm.GetByRole(AriaRole.Row).Filter(new() { HasText = product })).ToContainTextAsync("Logistics: Routed");
        await CheckAccessibleAsync(csm, "reports");

        var head = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));
        var row = head.GetByRole(AriaRole.Row).Filter(new() { HasText = ShortId.Of(item) });
        await row.GetByRole(AriaRole.Button, new() { Name = "acknowledge", Exact = true }).ClickAsync();
        await Expect(head.GetByRole(AriaRole.Status)).ToContainTextAsync("the item is now Acknowledged");
        await row.GetByLabel(new System.Text.RegularExpressions.Regex("^Note on Parcels from depot 7")).FillAsync("Depot 7 has a second van");
        await row.GetByRole(AriaRole.Button, new() { Name = "resolve", Exact = true }).ClickAsync();
        await Expect(head.GetByRole(AriaRole.Status)).ToContainTextAsync("the item is now Resolved");
        Assert.Equal("Resolved", (await admin.GetItemAsync(item)).State());

        var auditor = await SignInAsync(await admin.CreateKeyAsync("auditor"));
        await auditor.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await auditor.GetByLabel("Work item id").FillAsync(item);
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(auditor.GetByRole(AriaRole.Table)).ToContainTextAsync("work-item.resolved");
        await Expect(auditor.GetByRole(AriaRole.Table)).Not.ToContainTextAsync("report.accepted"); // only the item's events
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Verify the chain" }).ClickAsync();
        await Expect(auditor.GetByRole(AriaRole.Status)).ToContainTextAsync("Intact");
        await Expect(auditor.GetByRole(AriaRole.Table)).Not.ToContainTextAsync("report.accepted"); // the search survives the check
        await CheckAccessibleAsync(auditor, "history");
    }

    // The admin pages' screenshots are AdminPagesTests', which shows them at work.
    [Fact]
    public async Task An_admin_opens_the_rules_editor_creates_a_key_and_opens_the_hangfire_dashboard()
    {
        var page = await SignInAsync(RoutingApplication.AdminKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Rules" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Rules: version 1 (active)");
        Assert.Contains("\"Expression\": \"report.Category == \\\"supply\\\"\"", await RulesTextAsync(page, "workflows"));
        await CheckAccessibleAsync(page, "rules");
        await page.GetByLabel("From (UTC)").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByLabel("To (UTC)").FillAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("0 would route differently");

        await page.GetByRole(AriaRole.Link, new() { Name = "Keys" }).ClickAsync();
        await page.GetByLabel("Name (required)").FillAsync("auditor on duty");
        await page.GetByLabel("Role (required)").SelectOptionAsync("auditor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the key" }).ClickAsync();
        await Expect(page.GetByLabel("New key")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^rk_"));
        await CheckAccessibleAsync(page, "keys");

        await page.GetByRole(AriaRole.Link, new() { Name = "Hangfire" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Hangfire"));
    }

    [Fact]
    public async Task Sign_in_is_keyboard_operable_refuses_a_bad_key_and_sign_out_forgets_the_key()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/console/inbox");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/sign-in"));
        await CheckAccessibleAsync(page, "sign-in");
        await SaveScreenshotAsync(page, "sign-in");

        await page.Keyboard.PressAsync("Tab"); // the skip link first
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("API key")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("rk_wrong");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid");

        await page.GetByLabel("API key").FillAsync(await admin.CreateKeyAsync("auditor"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?]*/console/inbox$"));
        // htmx (from npm, built into wwwroot) swaps the page instead of reloading it.
        await page.EvaluateAsync("() => window.notReloaded = true");
        await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Open and overdue work items per department" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/overview$"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the overview was a full page load");
        // The lifecycle is drawn in the page (Graphviz in WebAssembly, under the console's CSP).
        var lifecycle = page.GetByRole(AriaRole.Img, new() { Name = "The Standard lifecycle" });
        await Expect(lifecycle).ToBeVisibleAsync();
        foreach (var state in TestRules.Lifecycle("standard").States.Select(s => s.Name))
            await Expect(lifecycle.Locator("g.node", new() { HasText = state })).ToHaveCountAsync(1);
        await Expect(lifecycle.Locator("g.edge", new() { HasText = "hand-back" })).ToHaveCountAsync(5);
        await CheckAccessibleAsync(page, "overview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await page.GotoAsync("/console/inbox");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/sign-in"));
    }

    [Theory]
    [InlineData("csm")]
    [InlineData("department-head", "logistics")]
    [InlineData("department-head", "rnd")]
    [InlineData("auditor")]
    [InlineData("admin")]
    public async Task Each_role_is_offered_in_the_browser_exactly_what_the_API_lets_its_key_do(string role, string? department = null)
    {
        var item = (string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;
        var key = role == "admin" ? RoutingApplication.AdminKey : await admin.CreateKeyAsync(role, department is null ? [] : [department]);
        using var api = host.Client(key: key);
        var page = await SignInAsync(key);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Console" });

        (string Link, string Page, Func<Task<HttpResponseMessage>> Api)[] pages =
        [
            ("Submit a pattern", "/console/submit", () => api.PostAsJsonAsync("/api/reports", new { })), // 400 when allowed
            ("History", "/console/history", () => api.GetAsync("/api/history")),
            ("Rules", "/console/rules", () => api.GetAsync("/api/rules")),
            ("Keys", "/console/keys", () => api.GetAsync("/api/keys")),
        ];
        foreach (var (link, path, call) in pages)
        {
            var allowed = (await call()).StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized);
            await page.GotoAsync("/console/inbox");
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToHaveCountAsync(allowed ? 1 : 0);
            var opened = await page.GotoAsync(path);
            Assert.True(allowed == (opened!.Status != 403), $"{role} opening {path}: {opened.Status}");
        }

        // The item's buttons in the inbox are the actions the API takes from this key.
        await page.GotoAsync("/console/inbox?department=logistics");
        // A final action's button sits in its confirmation (closed): read the actions the buttons send.
        var buttons = await page.GetByRole(AriaRole.Row).Filter(new() { HasText = ShortId.Of(item) }).Locator("button[name=action]")
            .EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.value)");
        var view = await api.GetAsync($"/api/work-items/{item}");
        var actions = view.IsSuccessStatusCode ? (await view.Content.ReadFromJsonAsync<JsonObject>())!["allowedActions"]!.AsArray().Select(a => (string)a!).ToList() : [];
        var taken = await api.PostAsJsonAsync($"/api/work-items/{item}/comment", new { version = 1, note = "seen" });
        Assert.Equal(taken.IsSuccessStatusCode ? actions.Order() : [], buttons.Order());
        Assert.True(buttons.Length > 0 || taken.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{role}: {taken.StatusCode}");
    }
}
