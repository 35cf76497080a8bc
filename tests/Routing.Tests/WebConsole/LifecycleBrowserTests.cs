using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// Lifecycles in a real browser, on the shipped rules: the overview draws each one and says it
/// in words; an admin edits one in the rules editor with the rest of the ruleset, sees what
/// changed, publishes it, and is refused a broken one with its place named.
public sealed class LifecycleBrowserTests : BrowserStory
{
    protected override string? RulesFolder => TestRules.Shipped;

    static readonly string[] Shipped = ["standard", "corrective-action", "supplier-corrective-action"];

    [Fact]
    public async Task The_overview_draws_each_lifecycle_says_it_in_words_and_fits_a_phone()
    {
        var page = await SignInAsync(await admin.CreateKeyAsync("auditor"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();

        foreach (var id in Shipped)
        {
            var lifecycle = TestRules.Lifecycle(id);
            var section = page.GetByRole(AriaRole.Region, new() { Name = lifecycle.Title, Exact = true });
            await Expect(section.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync(lifecycle.Title!);
            // Drawn in the page (Graphviz in WebAssembly, under the console's CSP), one box per state.
            var drawing = section.GetByRole(AriaRole.Img, new() { Name = $"The {lifecycle.Title} lifecycle" });
            await Expect(drawing).ToBeVisibleAsync();
            foreach (var state in lifecycle.States)
                await Expect(drawing.Locator("g.node title", new() { HasTextString = state.Name })).ToHaveCountAsync(1);
        }
        await Expect(page.Locator("figure.lifecycle-drawing svg")).ToHaveCountAsync(3);

        var capa = page.GetByRole(AriaRole.Region, new() { Name = "Corrective and preventive action (CAPA, 8D)" });
        await Expect(capa).ToContainTextAsync("Followed by: Manufacturing, Logistics, Research & Development.");
        ILocator Kind(string state) => capa.GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = state }) }).GetByRole(AriaRole.Cell).First;
        await Expect(Kind("Contained")).ToHaveTextAsync("open: the resolution is due");
        await Expect(Kind("Resolved")).ToHaveTextAsync("waiting (on someone else)");
        await Expect(Kind("Verified")).ToHaveTextAsync("final");
        await Expect(capa.Locator("dd").Nth(2)).ToHaveTextAsync("Root-cause method (one of 5-whys, fishbone, fault-tree, other); Root cause (text); Where else the cause could exist (text)");
        var scar = page.GetByRole(AriaRole.Region, new() { Name = "Supplier corrective action request (SCAR)" });
        await Expect(scar).ToContainTextAsync("Followed by: Vendor management, Acme Parts Ltd.");
        await Expect(scar).ToContainTextAsync("Accept root cause (accept-cause, by the CSMs)");
        await Expect(scar).ToContainTextAsync("response-due, in Issued or Reopened: when the acknowledgement is due, 1 reminder every follow-up interval, then escalate (the vendor did not answer the SCAR in time).");
        await CheckAccessibleAsync(page, "overview with three lifecycles");
        await SaveScreenshotAsync(page, "overview-lifecycles");
        var wide = await ShapesAsync(page);

        // Opened on a phone the drawings go top to bottom (taller for their width than on a
        // desk, where they go left to right), and scale to its width.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(page.Locator("figure.lifecycle-drawing svg")).ToHaveCountAsync(3);
        await AssertFitsAPhoneAsync(page, "overview with three lifecycles");
        await SaveScreenshotAsync(page, "overview-lifecycles-390px");
        var narrow = await ShapesAsync(page);
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(narrow[i][0], 300, 390);
            Assert.True(narrow[i][1] / narrow[i][0] > 1.5 * wide[i][1] / wide[i][0],
                $"{Shipped[i]} is drawn top to bottom on a phone: {string.Join(" x ", narrow[i])} there, {string.Join(" x ", wide[i])} on a desk");
        }
        await CheckAccessibleAsync(page, "overview with three lifecycles at 390 px");
    }

    [Fact]
    public async Task An_admin_adds_a_required_field_to_a_lifecycle_sees_it_in_the_diff_and_publishes_it()
    {
        var page = await SignInAsync(RoutingApplication.AdminKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Rules" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Rules: version");
        await RulesEditorReadyAsync(page);
        var editor = page.GetByLabel("Lifecycles (JSON)");
        await Expect(editor).ToHaveAttributeAsync("aria-describedby", "lifecycles-hint");
        var lifecycles = JsonNode.Parse(await RulesTextAsync(page, "lifecycles"))!.AsArray();
        Assert.Equal(Shipped, lifecycles.Select(l => (string)l!["id"]!));
        var versions = await page.GetByRole(AriaRole.Navigation, new() { Name = "Versions" }).GetByRole(AriaRole.Listitem).CountAsync();

        // An action leading to a state the lifecycle does not have: refused, its place named, nothing stored.
        var broken = lifecycles.DeepClone().AsArray();
        Action(broken, "corrective-action", "contain")["to"] = "Quarantined";
        await editor.FillAsync(broken.ToJsonString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was stored");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("lifecycles/corrective-action/actions/contain: to 'Quarantined' is not one of its states.");
        await Expect(editor).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Contains("Quarantined", await RulesTextAsync(page, "lifecycles")); // what was typed stays
        await Expect(page.GetByLabel("Workflows (RulesEngine JSON)")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Versions" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(versions);
        await CheckAccessibleAsync(page, "rules with a broken lifecycle");
        await SaveScreenshotAsync(page, "rules-lifecycle-refused");

        await RulesEditorReadyAsync(page);
        var edited = lifecycles.DeepClone().AsArray();
        Action(edited, "corrective-action", "contain")["fields"]!.AsArray()
            .Add(new JsonObject { ["name"] = "containment.checkedBy", ["type"] = "person", ["label"] = "Containment checked by" });
        await editor.FillAsync(edited.ToJsonString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        var diff = page.GetByRole(AriaRole.Region, new() { Name = "Compared with the active v1" });
        await Expect(diff).ToContainTextAsync("Lifecycle corrective-action changed:");
        await Expect(diff).ToContainTextAsync("actions/contain/fields/containment.checkedBy set to");
        await Expect(diff).ToContainTextAsync("\"label\":\"Containment checked by\"");
        await Expect(diff).Not.ToContainTextAsync("Rule ");
        await CheckAccessibleAsync(page, "rules with a lifecycle draft");
        await SaveScreenshotAsync(page, "rules-lifecycle-draft");
        await AssertFitsAPhoneAsync(page, "rules with a lifecycle draft");
        await SaveScreenshotAsync(page, "rules-lifecycle-draft-390px");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Publish v") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("(was v1).");
        var active = JsonNode.Parse(await admin.GetStringAsync("/api/lifecycles"))!.AsArray();
        var capa = active.Single(l => (string)l!["lifecycle"]!["id"]! == "corrective-action")!;
        Assert.Contains("containment.checkedBy", capa["lifecycle"]!["actions"]!.AsArray()
            .Single(a => (string)a!["name"]! == "contain")!["fields"]!.AsArray().Select(f => (string)f!["name"]!));

        // The overview says it at once: the new field is part of what containment records.
        await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Corrective and preventive action (CAPA, 8D)" }))
            .ToContainTextAsync("Containment done now (text); Containment checked by (a person)");
    }

    /// Each drawing's width and height on the page.
    static async Task<double[][]> ShapesAsync(IPage page) => await page.EvaluateAsync<double[][]>(
        "() => [...document.querySelectorAll('figure.lifecycle-drawing svg')].map(svg => [svg.getBoundingClientRect().width, svg.getBoundingClientRect().height])");

    static JsonObject Action(JsonArray lifecycles, string lifecycle, string action) =>
        lifecycles.Single(l => (string)l!["id"]! == lifecycle)!["actions"]!.AsArray().Single(a => (string)a!["name"]! == action)!.AsObject();
}
