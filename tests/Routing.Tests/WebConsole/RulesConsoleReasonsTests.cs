using System.Net;
using System.Text.RegularExpressions;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.WebConsole;

/// A rule's SuccessEvent is the route's reason where people see routes in the console, and a
/// rule with "Enabled": false is shown as skipped.
public abstract partial class RulesConsoleTests
{
    [Fact]
    public async Task Simulate_and_the_submitted_receipt_show_the_rules_reason_and_a_skipped_rule()
    {
        var browser = await AdminBrowserAsync();
        var draft = Rulesets.ShippedDraft();
        draft.Rule("SupplyProblemToLogistics")["SuccessEvent"] = "the depot runs short";
        draft.Rule("DesignFlawToRnd")["Enabled"] = false;
        var version = await admin.DraftAsync(draft);
        var page = await (await browser.GetAsync($"/console/rules?version={version}")).Content.ReadAsStringAsync();

        var simulated = await (await browser.PostAsync($"/console/rules?handler=Simulate&version={version}", ConsoleBrowser.Form(page, new Dictionary<string, string>
        {
            ["Report"] = Reports.Valid("supply").ToJsonString(),
        }))).Content.ReadAsStringAsync();

        Assert.Contains(">SupplyProblemToLogistics</td><td data-label=\"Matched\">yes: the depot runs short</td>", simulated);
        Assert.Contains(">DesignFlawToRnd</td><td data-label=\"Matched\">skipped (Enabled: false)</td>", simulated);

        await admin.PublishAsync(version);
        var form = await (await browser.GetAsync("/console/submit")).Content.ReadAsStringAsync();
        var accepted = await browser.PostAsync("/console/submit", ConsoleBrowser.Form(form, new Dictionary<string, string>
        {
            ["Submission"] = SubmissionField().Match(form).Groups[1].Value, ["Form[title]"] = "Depot out of filters",
            ["Form[product]"] = $"HX-200 filter {Guid.NewGuid():N}", ["Form[category]"] = "supply", ["Form[severity]"] = "high",
            ["Form[reportCount]"] = "12", ["Form[evidence]"] = "ticket-88121", ["Form[verifiedBy]"] = "csm-team-lead",
            ["Form[verifiedAt]"] = "2026-11-20T10:00",
        }));
        var routed = await accepted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Contains("<td>SupplyProblemToLogistics: the depot runs short</td>", routed);
        await admin.PublishAsync(1);
    }

    [GeneratedRegex("name=\"Submission\" value=\"([^\"]+)\"")]
    private static partial Regex SubmissionField();
}
