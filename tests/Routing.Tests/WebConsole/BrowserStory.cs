using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// What every browser story stands on: a host of its own, Debian's Chromium (headless) driven by
/// Playwright, an admin client, and the checks each page passes: no script error, axe-clean, a
/// phone's 390 px without sideways scrolling, a screenshot to look at.
/// The pages open in the reader's timeZone and locale when given, else in the machine's.
public abstract class BrowserStory(string? timeZone = null, string? locale = null) : IAsyncLifetime
{
    const string Chromium = "/usr/bin/chromium";
    const int Phone = 390;
    static readonly string Screenshots = Path.Combine(RepositoryFolder.Root, "artifacts", "screenshots");

    readonly TestStore store = TestStore.Sqlite();
    /// The host's store, for a story that sets the scene where no request can (the past).
    protected TestStore Store => store;
    readonly List<string> scriptErrors = [];
    IPlaywright playwright = null!;
    IBrowser browser = null!;
    protected HostProcess host = null!;
    protected HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        host = new HostProcess(store, RulesFolder);
        await host.StartAsync();
        admin = host.Client();
        playwright = await Playwright.CreateAsync();
        // Playwright drives the system's Chromium; it never downloads a browser of its own.
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        Directory.CreateDirectory(Screenshots);
    }

    /// The rules the host runs on (TestRules.Standard when null).
    protected virtual string? RulesFolder => null;

    /// A page signed in with key, on the inbox.
    protected virtual async Task<IPage> SignInAsync(string key)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/console/sign-in?returnUrl=/console/inbox");
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The inbox's own path, not the sign-in page's "?returnUrl=/console/inbox" (signing in takes a moment).
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?]*/console/inbox$"));
        return page;
    }

    /// A page whose script errors (a refused script or WebAssembly under the CSP, an exception)
    /// fail the test.
    protected async Task<IPage> NewPageAsync()
    {
        var page = await browser.NewPageAsync(new() { BaseURL = host.Address.ToString(), TimezoneId = timeZone, Locale = locale });
        // A page answered 401, 404 or 422 is logged as a failed load too: the stories assert those.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource"))
                lock (scriptErrors) scriptErrors.Add($"{page.Url}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => { lock (scriptErrors) scriptErrors.Add($"{page.Url}: {error}"); };
        return page;
    }

    /// At a phone's 390 px the page scrolls only down, never sideways; a failure names what sticks out.
    protected static async Task AssertFitsAPhoneAsync(IPage page, string what)
    {
        await page.SetViewportSizeAsync(Phone, 844);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (width > Phone)
            Assert.Fail($"{what} scrolls sideways at {Phone} px: {width} px wide; sticking out: " + await page.EvaluateAsync<string>(
                "phone => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > phone).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')", Phone));
    }

    protected static async Task SaveScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        // The screenshot leaves empty style attributes behind, which htmx would carry into the
        // next page, where the console's CSP refuses them.
        await page.EvaluateAsync("() => document.querySelectorAll('[style=\"\"]').forEach(e => e.removeAttribute('style'))");
    }

    /// Our users include visually impaired staff: no serious or critical axe violation.
    protected static async Task CheckAccessibleAsync(IPage page, string name)
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
