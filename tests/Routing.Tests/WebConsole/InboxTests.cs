using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Routing.Host.Pages;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// A department head works the inbox in a real browser (Debian's Chromium, headless): titles
/// first, an action only by its button, final actions asked in place and taken back with Undo,
/// bulk acknowledgement, focus on the changed row, and a phone's 390 px without sideways scrolling.
[Collection(RealTime.Name)]
public sealed class InboxTests : IAsyncLifetime
{
    const string Chromium = "/usr/bin/chromium";
    static readonly string Screenshots = Path.Combine(RepositoryFolder.Root, "artifacts", "screenshots");

    readonly TestStore store = TestStore.Sqlite();
    HostProcess host = null!;
    IPlaywright playwright = null!;
    IBrowser browser = null!;
    HttpClient admin = null!;
    readonly List<string> scriptErrors = [];
    readonly List<string> posts = [];

    public async Task InitializeAsync()
    {
        host = new HostProcess(store);
        await host.StartAsync();
        admin = host.Client();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        Directory.CreateDirectory(Screenshots);
    }

    /// A logistics item of its own (the product tells the pattern apart: the same pattern again would be a recurrence).
    async Task<string> NewItemAsync(string title, string? product = null, string severity = "medium")
    {
        var report = Reports.Valid("supply", severity).With("title", title);
        if (product is not null) report = report.With("product", product);
        return (string)(await admin.SubmitAsync(report)).Item("logistics")["id"]!;
    }

    static ILocator Row(IPage page, string item) => page.Locator($"#item-{ShortId.Of(item)}");

    [Fact]
    public async Task Enter_in_a_note_never_acts()
    {
        var item = await NewItemAsync("Depot 7 delivers two days late");
        var page = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));
        var note = page.GetByLabel($"Note on Depot 7 delivers two days late ({ShortId.Of(item)})");

        await note.FillAsync("Called the carrier");
        await note.PressAsync("Enter");
        await note.PressAsync("Control+Enter");
        await note.PressSequentiallyAsync("they promise Monday");

        await Expect(note).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Called the carrier\\n+they promise Monday$"));
        Assert.Empty(posts);
        Assert.Equal(("Routed", 1), await StateAsync(item));
    }

    [Fact]
    public async Task Cancel_asks_in_place_and_can_be_taken_back_with_undo()
    {
        var item = await NewItemAsync("Parcels arrive crushed at depot 3");
        var page = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));
        await page.GotoAsync("/console/inbox?department=logistics&state=open");
        var row = Row(page, item);

        // "Cancel…" opens the confirmation in the row, without a request.
        var confirm = row.GetByRole(AriaRole.Button, new() { Name = "Cancel the item" });
        await Expect(confirm).Not.ToBeVisibleAsync();
        await row.Locator("summary", new() { HasText = "Cancel…" }).ClickAsync();
        await Expect(confirm).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("A cancelled item is final");
        Assert.Empty(posts);
        await CheckAccessibleAsync(page, "inbox, cancel asked");
        await SaveScreenshotAsync(page, "inbox-cancel-asked");

        await row.GetByLabel(new System.Text.RegularExpressions.Regex("^Note on Parcels arrive crushed")).FillAsync("A duplicate of last week's report");
        await confirm.ClickAsync();
        var status = page.GetByRole(AriaRole.Status);
        await Expect(status).ToContainTextAsync("Done (cancel): the item is now Cancelled.");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/inbox\\?department=logistics&state=open$"));
        Assert.Equal(("Cancelled", 2), await StateAsync(item));
        await CheckAccessibleAsync(page, "inbox, cancelled");
        await SaveScreenshotAsync(page, "inbox-cancelled-undo");

        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(status).ToContainTextAsync("Undone: the item is back to Routed.");
        await Expect(Row(page, item)).ToBeFocusedAsync();
        Assert.Equal(("Routed", 3), await StateAsync(item));
        Assert.Contains("work-item.restored", (await admin.TimelineAsync(item)).Kinds());

        await Row(page, item).GetByRole(AriaRole.Link, new() { Name = "Parcels arrive crushed at depot 3" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Restored: Cancelled → Routed (the cancel was undone)");
    }

    [Fact]
    public async Task Resolving_without_a_note_is_refused_with_the_reason_and_the_note_says_so()
    {
        var item = await NewItemAsync("Vendor Z ships bad parts");
        await admin.DoAsync(item, "acknowledge");
        var page = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));

        await Row(page, item).GetByRole(AriaRole.Button, new() { Name = "resolve", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Nothing changed: the note is required to resolve: say what was done.");
        var note = Row(page, item).GetByLabel(new System.Text.RegularExpressions.Regex("^Note on Vendor Z ships bad parts"));
        await Expect(note).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(("Acknowledged", 2), await StateAsync(item));
        await CheckAccessibleAsync(page, "inbox, note refused");

        await note.FillAsync("Vendor Z replaced the batch");
        await Row(page, item).GetByRole(AriaRole.Button, new() { Name = "resolve", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Done (resolve): the item is now Resolved.");
        Assert.Equal(("Resolved", 3), await StateAsync(item));
    }

    [Fact]
    public async Task A_keyboard_only_acknowledge_keeps_focus_on_the_row()
    {
        var first = await NewItemAsync("Depot 7 delivers two days late");
        var second = await NewItemAsync("Labels peel off in the rain");
        var page = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));

        await Row(page, second).GetByRole(AriaRole.Button, new() { Name = "acknowledge", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Done (acknowledge): the item is now Acknowledged.");
        await Expect(Row(page, second)).ToBeFocusedAsync();
        Assert.Equal(("Acknowledged", 2), await StateAsync(second));
        Assert.Equal(("Routed", 1), await StateAsync(first));
        // Tab goes on within the row: to its link first.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>($"() => document.activeElement.closest('tr')?.id === 'item-{ShortId.Of(second)}'"));

        // On the item page, focus lands on its Act section after an action.
        await page.GotoAsync($"/console/items/{first}");
        await page.GetByRole(AriaRole.Region, new() { Name = "Act" }).GetByRole(AriaRole.Button, new() { Name = "acknowledge", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Done (acknowledge): the item is now Acknowledged.");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Act" })).ToBeFocusedAsync();
        Assert.Equal(("Acknowledged", 2), await StateAsync(first));
        await CheckAccessibleAsync(page, "item, acted");
        await SaveScreenshotAsync(page, "item-acted");
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        await SaveScreenshotAsync(page, "item-acted-390px");
    }

    [Fact]
    public async Task Bulk_acknowledge_says_how_many_and_which_had_changed()
    {
        var depot = await NewItemAsync("Depot 7 delivers two days late");
        var labels = await NewItemAsync("Labels peel off in the rain");
        var pallets = await NewItemAsync("Pallets arrive crushed");
        var page = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));

        await page.GetByLabel($"Select Depot 7 delivers two days late ({ShortId.Of(depot)}) to acknowledge").CheckAsync();
        await page.GetByLabel($"Select Labels peel off in the rain ({ShortId.Of(labels)}) to acknowledge").CheckAsync();
        await admin.DoAsync(labels, "start"); // someone else took it meanwhile
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge selected" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            $"Acknowledged 1 item. 1 item had changed since you loaded the page and was left as it is: Labels peel off in the rain ({ShortId.Of(labels)}).");
        Assert.Equal("Acknowledged", (await StateAsync(depot)).State);
        Assert.Equal("InProgress", (await StateAsync(labels)).State);
        Assert.Equal("Routed", (await StateAsync(pallets)).State);
        await CheckAccessibleAsync(page, "inbox, bulk acknowledged");
    }

    [Fact]
    public async Task The_inbox_lists_titles_open_and_most_urgent_first_and_its_filters_stay_in_the_address()
    {
        var late = await NewItemAsync("Depot 7 delivers two days late");
        var urgent = await NewItemAsync("Depot 2 lost a truck", severity: "critical");
        var done = await NewItemAsync("Labels peel off in the rain");
        await admin.DoAsync(done, "cancel", "a duplicate");
        var page = await SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));

        var links = page.Locator("table.inbox td.item a");
        await Expect(links).ToHaveTextAsync(["Depot 2 lost a truck", "Depot 7 delivers two days late"]);
        await page.GetByLabel("State").SelectOptionAsync("any");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("state=any"));
        await Expect(links).ToHaveTextAsync(["Depot 2 lost a truck", "Depot 7 delivers two days late", "Labels peel off in the rain"]);

        await Row(page, late).GetByRole(AriaRole.Button, new() { Name = "acknowledge", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the item is now Acknowledged");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/inbox\\?department=logistics&state=any$"));
        await Expect(page.GetByLabel("State")).ToHaveValueAsync("any");
        _ = urgent;
    }

    [Fact]
    public async Task At_390_px_the_inbox_and_its_header_fit_without_sideways_scrolling()
    {
        await NewItemAsync("Depot 7 delivers two days late, every week since the new carrier started", "Parcel route 7");
        await NewItemAsync("Labels peel off in the rain", "Outdoor shipping labels");
        await NewItemAsync("Depot 2 lost a truck of heaters", "HX-200 heater, pallet", "critical");
        foreach (var (key, name) in new[] { (await admin.CreateKeyAsync("department-head", "logistics"), "head"), (RoutingApplication.AdminKey, "admin") })
        {
            var page = await SignInAsync(key);
            await page.GotoAsync("/console/inbox?department=logistics");
            await page.SetViewportSizeAsync(390, 844);
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390,
                $"{name}: the inbox is {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide");
            foreach (var part in new[] { page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }), page.Locator("header .who") })
            {
                var box = (await part.BoundingBoxAsync())!;
                Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"{name}: {box.X}+{box.Width}");
            }
            await CheckAccessibleAsync(page, $"inbox at 390 px ({name})");
            await SaveScreenshotAsync(page, $"inbox-390px-{name}");
            await page.SetViewportSizeAsync(1280, 800);
            await SaveScreenshotAsync(page, $"inbox-desktop-{name}");
        }
    }

    async Task<(string State, int Version)> StateAsync(string item)
    {
        var read = await admin.GetItemAsync(item);
        return (read.State(), (int)read["version"]!);
    }

    async Task<IPage> SignInAsync(string key)
    {
        var page = await browser.NewPageAsync(new() { BaseURL = host.Address.ToString() });
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource"))
                lock (scriptErrors) scriptErrors.Add($"{page.Url}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => { lock (scriptErrors) scriptErrors.Add($"{page.Url}: {error}"); };
        await page.GotoAsync("/console/sign-in?returnUrl=/console/inbox");
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?]*/console/inbox$"));
        // Every POST from here on (the sign-in's is behind us): the stories count the actions sent.
        page.Request += (_, request) => { if (request.Method == "POST") lock (posts) posts.Add(request.Url); };
        return page;
    }

    static async Task SaveScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        await page.EvaluateAsync("() => document.querySelectorAll('[style=\"\"]').forEach(e => e.removeAttribute('style'))");
    }

    static async Task CheckAccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    public async Task DisposeAsync()
    {
        try
        {
            Assert.True(scriptErrors.Count == 0, string.Join("\n", scriptErrors));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            admin.Dispose();
            await host.DisposeAsync();
            await store.DisposeAsync();
        }
    }
}
