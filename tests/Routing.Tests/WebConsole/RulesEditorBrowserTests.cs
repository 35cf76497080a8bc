using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Routing.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Routing.Tests.WebConsole;

/// The rules editor (CodeMirror, bundled from npm by the build) in a real browser, under the
/// console's CSP: a rule typed with mistakes shows them at their line before it is saved (the
/// schema's, and the expression's as the server's guard checks it); what only the server finds
/// shows at its line after saving; the editor is named, Tab leaves it, axe finds nothing
/// serious, and it fits a phone.
public sealed class RulesEditorBrowserTests : BrowserStory
{
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static string WithRule(string workflows, JsonObject rule)
    {
        var all = JsonNode.Parse(workflows)!.AsArray();
        all.Single(w => (string)w!["WorkflowName"]! == "Routing")!["Rules"]!.AsArray().Insert(0, rule);
        return all.ToJsonString(Indented);
    }

    static int LineOf(string text, string part) =>
        text.Split('\n').Select((line, i) => (line, i)).First(l => l.line.Contains(part, StringComparison.Ordinal)).i + 1;

    [Fact]
    public async Task An_admin_sees_a_rules_mistakes_at_their_line_as_they_type_and_the_servers_after_saving()
    {
        var page = await SignInAsync(RoutingApplication.AdminKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Rules" }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Workflows (RulesEngine JSON)" });
        await Expect(editor).ToHaveAttributeAsync("contenteditable", "true"); // the editor, not the plain textarea
        var shipped = await RulesTextAsync(page, "workflows");

        // A rule with two mistakes: a field the report does not have, and a priority the schema does not know.
        var typed = WithRule(shipped, new JsonObject
        {
            ["RuleName"] = "RedHeatersToRnd",
            ["Expression"] = "report.Colour == \"red\"",
            ["Properties"] = new JsonObject { ["department"] = "rnd", ["priority"] = "P9" },
        });
        await editor.FillAsync(typed);
        var status = page.Locator("#workflows-status");
        await Expect(status).ToContainTextAsync($"2 problems, the first on line {LineOf(typed, "report.Colour")}: uses 'Colour'");
        // F8 goes to the first problem, underlined at its line.
        await editor.PressAsync("Control+Home");
        await editor.PressAsync("F8");
        var field = page.Locator(".field").Filter(new() { Has = editor });
        await Expect(field.Locator(".cm-lineNumbers .cm-activeLineGutter")).ToHaveTextAsync(LineOf(typed, "report.Colour").ToString());
        await Expect(page.Locator(".cm-lintRange-error", new() { HasTextString = "report.Colour" })).ToBeVisibleAsync();
        // The list of problems (Ctrl-Shift-M), for keyboard and screen reader.
        await editor.PressAsync("Control+Shift+M");
        var problems = page.Locator(".cm-panel-lint");
        await Expect(problems).ToContainTextAsync("expressions may only read the report's fields");
        await Expect(problems).ToContainTextAsync("priority: must be one of \"P1\", \"P2\", \"P3\", \"P4\".");
        await CheckAccessibleAsync(page, "rules editor with a rule's mistakes");
        // The workflows' editor alone, for the README.
        await field.ScreenshotAsync(new()
        {
            Path = Path.Combine(RepositoryFolder.Root, "artifacts", "screenshots", "rules-editor.png"),
        });
        await SaveScreenshotAsync(page, "rules-editor-mistakes");
        await AssertFitsAPhoneAsync(page, "rules editor with a rule's mistakes");
        await SaveScreenshotAsync(page, "rules-editor-mistakes-390px");
        await page.SetViewportSizeAsync(1280, 900);

        // Fixed as far as the editor can tell; a department the ruleset does not have only the server finds.
        var saved = WithRule(shipped, new JsonObject
        {
            ["RuleName"] = "RedHeatersToRnd",
            ["Expression"] = "report.Product.Contains(\"red\")",
            ["Properties"] = new JsonObject { ["department"] = "astrology" },
        });
        await editor.FillAsync(saved);
        await Expect(status).ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("RedHeatersToRnd: department 'astrology' is not in the departments list.");
        editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Workflows (RulesEngine JSON)" });
        await Expect(editor).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#workflows-status")).ToContainTextAsync(
            $"1 problem, the first on line {LineOf(saved, "\"RuleName\": \"RedHeatersToRnd\"")}: RedHeatersToRnd: department 'astrology' is not in the departments list.");
        await Expect(page.Locator(".cm-lintRange-error", new() { HasTextString = "\"RuleName\": \"RedHeatersToRnd\"" })).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, "rules editor with the server's error");
        await SaveScreenshotAsync(page, "rules-editor-refused");

        // Tab leaves the editor as it leaves a textarea: to the comparison with the active version, side by side.
        await editor.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        var compare = page.GetByRole(AriaRole.Button, new() { Name = "Compare workflows with the active v1" });
        await Expect(compare).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Workflows (RulesEngine JSON), the active v1 (read-only)" })).ToBeVisibleAsync();
        await Expect(page.Locator(".cm-mergeView .cm-changedLine").First).ToBeVisibleAsync();
        await CheckAccessibleAsync(page, "rules editor compared with the active version");
        await SaveScreenshotAsync(page, "rules-editor-compare");
        await AssertFitsAPhoneAsync(page, "rules editor compared with the active version");
        await SaveScreenshotAsync(page, "rules-editor-compare-390px");
    }

    [Fact]
    public async Task The_editor_completes_properties_and_closed_values_from_the_schema()
    {
        var page = await SignInAsync(RoutingApplication.AdminKey);
        await page.GotoAsync("/console/rules");
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Departments (JSON)" });
        await Expect(editor).ToHaveAttributeAsync("contenteditable", "true");
        await editor.FillAsync("[\n  { \"id\": \"rnd\", \"kind\": \"\" }\n]");
        // Into the empty kind's quotes, then Ctrl-Space: the kinds the schema allows, with what they mean.
        await editor.PressAsync("Control+Home");
        await editor.PressAsync("ArrowDown");
        await editor.PressAsync("End");
        for (var i = 0; i < 3; i++) await editor.PressAsync("ArrowLeft");
        await editor.PressAsync("Control+Space");
        var options = page.GetByRole(AriaRole.Listbox);
        await Expect(options).ToContainTextAsync("triage");
        await Expect(options).ToContainTextAsync("vendor");
        await CheckAccessibleAsync(page, "rules editor completing");
        await editor.PressSequentiallyAsync("tri");
        await editor.PressAsync("Enter");
        await Expect(page.Locator("textarea#departments")).ToHaveValueAsync("[\n  { \"id\": \"rnd\", \"kind\": \"triage\" }\n]");
    }
}
