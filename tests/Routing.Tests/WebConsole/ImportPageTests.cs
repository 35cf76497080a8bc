using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.WebConsole;

/// An admin imports from the console in a real browser: a CSV of tickets with a bad line, then
/// units sold; the page shows how much of the file is sent, then what the import did, in words.
[Collection(RealTime.Name)]
public sealed class ImportPageTests : BrowserStory
{
    [Fact]
    public async Task An_admin_uploads_tickets_with_a_bad_line_then_units_sold_and_reads_what_each_import_did()
    {
        var product = $"HX-200 {Guid.NewGuid():N}"[..14];
        var tickets = AsCsv([Complaint($"{product}-1", product), Complaint($"{product}-2", product),
            Complaint($"{product}-3", product, category: "weather"), Complaint($"{product}-4", product)], ComplaintFields);
        var page = await SignInAsync(RoutingApplication.AdminKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import complaints or units sold" })).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, "import, empty");

        // Sent without a choice of what the file holds: nothing imported, the reason at the field.
        await page.GetByLabel("File (required)").SetInputFilesAsync(new FilePayload { Name = "tickets.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(tickets) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was imported.");
        await Expect(page.Locator("#kind-error")).ToHaveTextAsync("Choose what the file holds: complaints or units sold.");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Nothing was imported.");
        await CheckAccessibleAsync(page, "import, refused");

        await page.GetByLabel("Complaints", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("File (required)").SetInputFilesAsync(new FilePayload { Name = "tickets.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(tickets) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        var summary = "3 complaints accepted, 0 duplicates (already stored), 1 rejected.";
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "tickets.csv imported" })).ToContainTextAsync(summary);
        // The whole file is sent: the bar is full, and says how much it was.
        var sent = page.GetByRole(AriaRole.Progressbar, new() { Name = "Sent" });
        await Expect(sent).ToBeVisibleAsync();
        Assert.Equal(1.0, await sent.EvaluateAsync<double>("bar => bar.value / bar.max"));
        await Expect(page.Locator("#import-sent-text")).ToHaveTextAsync($"{(Encoding.UTF8.GetByteCount(tickets) + 999) / 1000} KB of {(Encoding.UTF8.GetByteCount(tickets) + 999) / 1000} KB");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(summary);
        var error = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "must be one of" });
        await Expect(error.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("4");
        await Expect(error.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("category");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "See the patterns" })).ToHaveAttributeAsync("href", "/console/patterns");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "tickets.csv imported" })).ToBeFocusedAsync();
        await CheckAccessibleAsync(page, "import, complaints imported");
        await SaveScreenshotAsync(page, "import");

        // Units sold, by keyboard: the form is there again, under the last summary, its choice kept.
        JsonObject Sales(string month, long units) => new() { ["product"] = product, ["region"] = "Michigan", ["month"] = month, ["unitsSold"] = units };
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "See the patterns" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Complaints", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByLabel("Units sold")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("File (required)")).ToBeFocusedAsync();
        await page.GetByLabel("File (required)").SetInputFilesAsync(new FilePayload
        {
            Name = "sales.ndjson", MimeType = "application/octet-stream", Buffer = Encoding.UTF8.GetBytes(AsNdjson([Sales("2026-10", 9000), Sales("2026-11", 8700)])),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "sales.ndjson imported" }))
            .ToContainTextAsync("2 rows of units sold accepted (0 of them replacing an earlier value), 0 duplicates (already stored), 0 rejected.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "See the patterns" })).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex("/console/import$"));
        await CheckAccessibleAsync(page, "import, units sold imported");

        await AssertFitsAPhoneAsync(page, "import");
        await CheckAccessibleAsync(page, "import at 390 px");
        await SaveScreenshotAsync(page, "import-390px");
    }
}
