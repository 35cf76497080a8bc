using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// An integrator opens /api/docs in a browser, without a key: Scalar draws the API reference from
/// /openapi/v1.json under its own Content-Security-Policy, with nothing fetched from elsewhere.
public sealed class ApiReferenceBrowserTests : BrowserStory
{
    [Fact]
    public async Task The_api_reference_shows_the_operations_from_this_host_only()
    {
        var page = await NewPageAsync();
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(host.Address.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                lock (elsewhere) elsewhere.Add(request.Url);
        };
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (refused) refused.Add(message.Text);
        };

        var answer = await page.GotoAsync("/api/docs");
        Assert.Equal(200, answer!.Status);
        Assert.Contains("script-src 'self'", answer.Headers["content-security-policy"]);

        // An operation's summary and its id-named section, drawn from the document.
        await Expect(page.GetByText("Submits a verified pattern; it is routed at once").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("Routing API").First).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "api-docs");
        await CheckAccessibleAsync(page, "the API reference");
        await AssertFitsAPhoneAsync(page, "the API reference");
        await SaveScreenshotAsync(page, "api-docs-phone");

        Assert.True(elsewhere.Count == 0, "fetched from elsewhere: " + string.Join(", ", elsewhere.Distinct()));
        Assert.True(refused.Count == 0, "refused by the CSP: " + string.Join("\n", refused));
    }
}
