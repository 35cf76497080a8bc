using System.Net;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Workflows;

/// A vendor's item follows the SCAR: reminded, then escalated to vendor management when its
/// answer is late, keeping its place; the root cause is the CSMs' to accept.
public abstract class SupplierCorrectiveActionTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    // A P3 (medium) item: the vendor's answer is due in 2 days, followed up a day later.
    static readonly TimeSpan AckWithin = TimeSpan.FromDays(2);
    static readonly TimeSpan FollowUpEvery = TimeSpan.FromDays(1);

    async Task<string> ScarAsync() =>
        (string)(await client.SubmitAsync(Reports.Valid("third-party", "medium").With("vendor", "acme-parts"))).Item("acme-parts")["id"]!;

    static IEnumerable<JsonNode> OfKind(JsonArray timeline, string kind) => timeline.Where(e => (string)e!["kind"]! == kind).Select(e => e!);

    static string[] Queued(JsonArray timeline, string @event) =>
        [.. OfKind(timeline, "notification.queued").Where(e => (string)e["data"]!["event"]! == @event).Select(e => (string)e["data"]!["to"]!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_vendor_that_does_not_answer_in_time_is_reminded_once_then_escalated_to_vendor_management_and_keeps_its_place()
    {
        var id = await ScarAsync();
        var item = await client.GetItemAsync(id);
        Assert.Equal(("Issued", "supplier-corrective-action"), (item.State(), (string)item["lifecycle"]!["id"]!));

        await fixture.AdvanceAsync(AckWithin - TimeSpan.FromMinutes(1));
        Assert.Empty(OfKind(await client.TimelineAsync(id), "work-item.reminded"));

        await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        var reminded = await client.TimelineAsync(id);
        Assert.Single(OfKind(reminded, "work-item.reminded"));
        Assert.Equal(["acme-parts"], Queued(reminded, "reminder"));
        Assert.Empty(OfKind(reminded, "work-item.escalated"));

        await fixture.AdvanceAsync(FollowUpEvery);
        var timeline = await client.TimelineAsync(id);
        var escalated = Assert.Single(OfKind(timeline, "work-item.escalated"));
        Assert.Equal(("Issued", "Issued", "the vendor did not answer the SCAR in time"),
            ((string)escalated["data"]!["before"]!, (string)escalated["data"]!["after"]!, (string)escalated["data"]!["reason"]!));
        Assert.Equal("system:timer", (string)escalated["actor"]!);
        Assert.Equal(["acme-parts", "vendors"], Queued(timeline, "escalated"));
        Assert.Single(OfKind(timeline, "work-item.reminded"));
        Assert.Equal("Issued", (await client.GetItemAsync(id)).State());

        // Nothing more comes of the answer being late; the vendor can still answer.
        await fixture.AdvanceAsync(FollowUpEvery * 3);
        Assert.Single(OfKind(await client.TimelineAsync(id), "work-item.escalated"));
        Assert.Equal("ContainmentConfirmed", (await client.DoWithAsync(id, "confirm-containment", new Dictionary<string, object>
        {
            ["containment"] = "Lot 7731 quarantined at the plant and in transit", ["containment.confirmedBy"] = "A. Vendor",
        })).State());
    }

    [Fact]
    public async Task Only_a_csm_accepts_the_vendors_root_cause()
    {
        var id = await ScarAsync();
        var vendor = fixture.App.ClientWithKey(await client.CreateKeyAsync("department-head", "acme-parts"));
        var csm = fixture.App.ClientWithKey(await client.CreateKeyAsync("csm"));
        var auditor = fixture.App.ClientWithKey(await client.CreateKeyAsync("auditor"));
        await vendor.DoWithAsync(id, "confirm-containment", new Dictionary<string, object>
        {
            ["containment"] = "Lot 7731 quarantined", ["containment.confirmedBy"] = "A. Vendor",
        });
        var proposed = await vendor.DoWithAsync(id, "propose-cause", new Dictionary<string, object>
        {
            ["rootCause.method"] = "fishbone", ["rootCause.cause"] = "A worn die", ["correctiveAction.plan"] = "New die",
            ["correctiveAction.due"] = "2026-12-20",
        });
        Assert.Equal("CauseProposed", proposed.State());
        Assert.Equal("csm", (string)proposed["actions"]!.AsArray().Single(a => (string)a!["name"]! == "accept-cause")!["by"]!);
        var version = (int)proposed["version"]!;

        Assert.Equal(HttpStatusCode.Forbidden, (await vendor.ActWithAsync(id, "accept-cause", version, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.ActWithAsync(id, "accept-cause", version, null)).StatusCode);
        Assert.Equal("CauseProposed", (await client.GetItemAsync(id)).State());

        var accepted = await csm.DoWithAsync(id, "accept-cause", null);
        Assert.Equal("RootCauseAccepted", accepted.State());
        Assert.Contains(await client.TimelineAsync(id), e => (string)e!["kind"]! == "work-item.acted"
            && (string)e["data"]!["action"]! == "accept-cause" && ((string)e["actor"]!).StartsWith("csm", StringComparison.Ordinal));
    }
}

public sealed class SupplierCorrectiveActionOnSqlite(SqliteShippedLifecyclesFixture fixture)
    : SupplierCorrectiveActionTests(fixture), IClassFixture<SqliteShippedLifecyclesFixture>;

public sealed class SupplierCorrectiveActionOnPostgres(PostgresShippedLifecyclesFixture fixture)
    : SupplierCorrectiveActionTests(fixture), IClassFixture<PostgresShippedLifecyclesFixture>;
