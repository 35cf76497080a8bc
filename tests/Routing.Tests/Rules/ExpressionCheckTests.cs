using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Rules;

/// One rule's expression checked alone, as the console's rules editor asks while an admin types
/// (POST /api/rules/expressions/check, and the console's own handler): what a draft would say of
/// it, before the draft. The store does not matter: nothing is read or stored.
public sealed class ExpressionCheckTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly HttpClient client = fixture.Client;

    async Task<JsonObject> CheckAsync(string expression)
    {
        var response = await client.PostAsJsonAsync("/api/rules/expressions/check", new { expression });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    [Theory]
    [InlineData("report.Category == \"quality\"")]
    [InlineData("report.Segment.Months.Any(m => m >= 11) && report.ReportCount > 10")]
    [InlineData("report.Product.ToLower().Contains(\"hx\")")]
    public async Task An_expression_on_the_reports_fields_is_ok(string expression)
    {
        var answer = await CheckAsync(expression);
        Assert.True((bool)answer["ok"]!, answer.ToJsonString());
    }

    [Fact]
    public async Task A_field_the_report_does_not_have_is_named()
    {
        var answer = await CheckAsync("report.Colour == \"red\"");
        Assert.False((bool)answer["ok"]!);
        Assert.Contains("'Colour'", (string)answer["error"]!);
    }

    [Fact]
    public async Task An_expression_that_does_not_compile_says_why_and_where()
    {
        // A bracket left open: the parser says where it stopped, at the end.
        const string open = "(report.Category == \"quality\"";
        var answer = await CheckAsync(open);
        Assert.False((bool)answer["ok"]!);
        Assert.Contains("does not compile", (string)answer["error"]!);
        Assert.True(answer["column"] is not null, answer.ToJsonString());
        Assert.Equal(open.Length + 1, (int)answer["column"]!);

        // A text compared with a number.
        var compared = await CheckAsync("report.Category == 3");
        Assert.False((bool)compared["ok"]!);
        Assert.Contains("does not compile", (string)compared["error"]!);

        // Not a condition: a rule matches or does not.
        var number = await CheckAsync("report.ReportCount + 1");
        Assert.False((bool)number["ok"]!);
    }

    [Theory]
    [InlineData("report.GetType().Assembly != null", "'GetType'")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")", "'System'")]
    [InlineData("report.Segment.Months.Any(a => report.Segment.Months.Any(b => report.Segment.Months.Any(c => a == b && b == c)))", "nests loops")]
    public async Task The_rules_guard_refuses_what_a_draft_refuses(string expression, string named)
    {
        var answer = await CheckAsync(expression);
        Assert.False((bool)answer["ok"]!);
        Assert.Contains(named, (string)answer["error"]!);
        Assert.Null(answer["column"]);

        // The draft says the same of that expression in a rule.
        var draft = Rulesets.ShippedDraft();
        draft.Rule("QualityDefectToManufacturing")["Expression"] = expression;
        var refused = await client.PostAsJsonAsync("/api/rules/versions", draft);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(named, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_missing_empty_or_too_long_expression_is_a_400_naming_it()
    {
        foreach (var body in new object[] { new { }, new { expression = " " }, new { expression = new string('x', 2_001) } })
        {
            var response = await client.PostAsJsonAsync("/api/rules/expressions/check", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["expression"]);
        }
        var notJson = await client.PostAsync("/api/rules/expressions/check", new StringContent("{\"expression\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task The_console_checks_with_its_cookie_and_anti_forgery_token_for_admins_only()
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(RoutingApplication.AdminKey);
        var page = await browser.GetStringAsync("/console/rules");

        var answer = await browser.PostAsync("/console/rules?handler=CheckExpression",
            ConsoleBrowser.Form(page, new() { ["expression"] = "report.Colour == \"red\"" }));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var json = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.False((bool)json["ok"]!);
        Assert.Contains("'Colour'", (string)json["error"]!);

        var empty = await browser.PostAsync("/console/rules?handler=CheckExpression", ConsoleBrowser.Form(page, new() { ["expression"] = "" }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var forged = await browser.PostAsync("/console/rules?handler=CheckExpression",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["expression"] = "report.ReportCount > 1" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // The schema the editor validates and completes with, through the console.
        var schema = await browser.GetAsync("/console/rules?handler=Schema");
        Assert.Equal("application/schema+json", schema.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(JsonNode.Parse(await schema.Content.ReadAsStringAsync())!["$defs"]!["workflows"]);

        var csm = ConsoleBrowser.Open(fixture.App, followRedirects: false);
        await csm.SignInAsync(await client.CreateKeyAsync("csm"));
        var csmPage = await csm.GetStringAsync("/console/inbox");
        var refused = await csm.PostAsync("/console/rules?handler=CheckExpression",
            ConsoleBrowser.Form(csmPage, new() { ["expression"] = "report.ReportCount > 1" }));
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"a CSM is refused: {(int)refused.StatusCode}");
        Assert.DoesNotContain("\"ok\"", await refused.Content.ReadAsStringAsync());
    }
}
