using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// What every browser story stands on: a host of its own, Debian's Chromium (headless) driven by
/// Playwright (lent by Chromiums; the story's pages in contexts of their own), an admin client,
/// and the checks each page passes: no script error, axe-clean, a phone's 390 px without
/// sideways scrolling, a screenshot to look at.
/// The pages open in the reader's timeZone and locale when given, else in the machine's. A class
/// whose stories never meet in the store may share one host (StoryHost, a class fixture): a host
/// start is most of a short story's time.
public abstract class BrowserStory(string? timeZone = null, string? locale = null, StoryHost? shared = null) : IAsyncLifetime
{
    const int Phone = 390;
    static readonly string Screenshots = Path.Combine(RepositoryFolder.Root, "artifacts", "screenshots");

    // Playwright's 5 s for an expectation assumes a quiet machine; a story's host is cold (each
    // page and draft its first) and shares two cores with another test. A met expectation
    // returns at once, so only a failing story waits the longer.
    static BrowserStory() => SetDefaultExpectTimeout(15_000);

    TestStore? store;
    /// The host's store, for a story that sets the scene where no request can (the past).
    protected TestStore Store => store ?? throw new InvalidOperationException("A story on a shared host has no store of its own.");
    readonly List<string> scriptErrors = [];
    Chromiums.Lent chromium = null!;
    protected HostProcess host = null!;
    protected HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        // The browser comes while the host starts.
        var borrowing = Chromiums.BorrowAsync();
        try
        {
            try
            {
                if (shared is not null) host = shared.Host;
                else
                {
                    store = TestStore.Sqlite();
                    host = new HostProcess(store, RulesFolder);
                    await host.StartAsync();
                }
            }
            finally
            {
                chromium = await borrowing;
            }
        }
        catch
        {
            // xunit disposes no test whose start failed: a host started here would outlive the run (without a
            // Chromium, a run of the browser stories left two dozen hosts behind).
            if (chromium is not null) await Chromiums.ReturnAsync(chromium);
            if (store is not null)
            {
                if (host is not null) await host.DisposeAsync();
                await store.DisposeAsync();
            }
            throw;
        }
        admin = host.Client();
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
        var page = await chromium.Browser.NewPageAsync(new() { BaseURL = host.Address.ToString(), TimezoneId = timeZone, Locale = locale });
        // A page answered 401, 404 or 422 is logged as a failed load too: the stories assert those.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource"))
                lock (scriptErrors) scriptErrors.Add($"{page.Url}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => { lock (scriptErrors) scriptErrors.Add($"{page.Url}: {error}"); };
        return page;
    }

    /// The text of one part of the rules on the rules page (workflows, departments, lifecycles,
    /// calendars): its textarea's, which the rules editor, when the build made it, keeps up to date.
    protected static Task<string> RulesTextAsync(IPage page, string part) => page.Locator($"textarea#{part}").InputValueAsync();

    /// On the rules page, waits for the rules editor (when the build made it) to take the
    /// textareas' place: until it has, their labels name the textareas it then hides. htmx runs
    /// the page's script after it swaps the page in, a moment after the textareas are there.
    protected static Task RulesEditorReadyAsync(IPage page) => page.WaitForFunctionAsync(
        "() => !document.querySelector('script[src=\"/lib/rules-editor.js\"]') || document.querySelectorAll('.rules-editor .cm-content').length === document.querySelectorAll('textarea[data-rules-part]').length");

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
            if (chromium is not null) await Chromiums.ReturnAsync(chromium);
            admin?.Dispose();
            if (store is not null)
            {
                await host.DisposeAsync();
                await store.DisposeAsync();
            }
        }
    }
}
