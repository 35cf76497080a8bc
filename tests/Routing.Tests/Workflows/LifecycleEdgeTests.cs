using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Lifecycles;
using Routing.Engine.Timers;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Workflows;

/// Where lifecycles meet the rest of the service at its edges: a SCAR going back and forth while
/// its due times pass or tighten, an undo after a reprioritization, a hand-back after triage's
/// lifecycle changed, and bodies no lifecycle expects.
public abstract class LifecycleEdgeTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    static readonly Dictionary<string, string> Containment = new() { ["containment"] = "Stock held at the vendor", ["containment.confirmedBy"] = "Ann Lee" };
    static readonly Dictionary<string, string> Cause = new()
    {
        ["rootCause.method"] = "5-whys", ["rootCause.cause"] = "A worn die", ["correctiveAction.plan"] = "New die", ["correctiveAction.due"] = "2027-01-15",
    };

    Task<JsonObject> NewScarAsync(string severity = "low") =>
        admin.SubmitAsync(Reports.Valid("third-party", severity).With("vendor", "acme-parts").With("segment.region", $"r-{Guid.NewGuid():N}"));

    [Fact]
    public async Task A_SCAR_past_its_resolution_due_escalates_once_however_often_its_root_cause_goes_back_and_forth()
    {
        var item = (await NewScarAsync()).Item("acme-parts");
        var id = (string)item["id"]!;
        await admin.DoWithAsync(id, "confirm-containment", Containment);
        await fixture.AdvanceAsync(DateTimeOffset.Parse((string)item["resolveDueAt"]!) - fixture.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        int Escalations(JsonArray timeline) => timeline.Kinds().Count(k => k == "work-item.escalated");
        var escalated = Escalations(await admin.TimelineAsync(id));
        Assert.True(escalated >= 1);

        for (var i = 0; i < 3; i++)
        {
            await admin.DoWithAsync(id, "propose-cause", Cause);
            await admin.DoWithAsync(id, "reject-cause", null, "The die was replaced last year: look further.");
            await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(escalated, Escalations(await admin.TimelineAsync(id)));
    }

    [Fact]
    public async Task A_more_urgent_recurrence_tightens_the_resolution_of_a_SCAR_waiting_on_a_CSM()
    {
        var first = Reports.Valid("third-party", "low").With("vendor", "acme-parts").With("segment.region", $"r-{Guid.NewGuid():N}");
        var id = (string)(await admin.SubmitAsync(first)).Item("acme-parts")["id"]!;
        await admin.DoWithAsync(id, "confirm-containment", Containment);
        var proposed = await admin.DoWithAsync(id, "propose-cause", Cause);
        Assert.Equal("CauseProposed", proposed.State());

        await fixture.AdvanceAsync(TimeSpan.FromHours(1));
        await admin.SubmitAsync(first.DeepClone().AsObject().With("severity", "critical"));

        var after = await admin.GetItemAsync(id);
        Assert.Equal("P1", (string)after["priority"]!);
        Assert.True(DateTimeOffset.Parse((string)after["resolveDueAt"]!) < DateTimeOffset.Parse((string)proposed["resolveDueAt"]!));
    }

    [Fact]
    public async Task A_hand_back_of_an_item_opened_before_triage_changed_lifecycle_opens_the_triage_item_in_the_new_one()
    {
        var id = (string)(await admin.SubmitAsync(Reports.Valid("supply").With("segment.region", $"r-{Guid.NewGuid():N}"))).Item("logistics")["id"]!;
        var draft = ShippedDraft.Build();
        var triageFlow = draft.Lifecycle(Lifecycle.Standard).DeepClone().AsObject();
        triageFlow["id"] = "triage-flow";
        draft["lifecycles"]!.AsArray().Add(triageFlow);
        draft.Part("departments", "triage", "id")["lifecycle"] = "triage-flow";
        await admin.PublishAsync(await admin.DraftAsync(draft));

        var handedBack = await admin.DoAsync(id, "hand-back", "Not a logistics problem");

        Assert.Equal("HandedBack", handedBack.State());
        var report = await admin.GetJsonAsync($"/api/reports/{handedBack["reportId"]}");
        var triage = report["workItems"]!.AsArray().Single(w => (string)w!["workItem"]!["department"]! == "triage")!["workItem"]!;
        Assert.Equal("triage-flow", (string)triage["lifecycle"]!["id"]!);
        await admin.PublishAsync(1);
    }

    [Fact]
    public async Task Bodies_no_lifecycle_expects_are_refused_never_a_500()
    {
        var id = (string)(await admin.SubmitAsync(Reports.Valid("supply").With("segment.region", $"r-{Guid.NewGuid():N}"))).Item("logistics")["id"]!;
        foreach (var (action, body) in new[]
        {
            ("contain", """{"version":1,"fields":"x"}"""),
            ("contain", """{"version":1,"fields":[1]}"""),
            ("contain", """{"version":1,"fields":{"containment":null}}"""),
            ("contain", """{"version":1,"fields":{"containment":{"deep":[1,2]}}}"""),
            ("comment", """{"version":1,"note":"n","fields":{"containment":"x"}}"""),
            ("CONTAIN", """{"version":1}"""),
            ("a%20b", """{"version":1}"""),
            ("%E2%80%AE", """{"version":1}"""),
            ("escalate", """{"version":1}"""),
        })
        {
            var response = await admin.PostAsync($"/api/work-items/{id}/{action}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{action} {body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(1, (int)(await admin.GetItemAsync(id))["version"]!);
    }
}

public sealed class LifecycleEdgeOnSqlite(SqliteShippedLifecyclesFixture fixture) : LifecycleEdgeTests(fixture), IClassFixture<SqliteShippedLifecyclesFixture>;

public sealed class LifecycleEdgeOnPostgres(PostgresShippedLifecyclesFixture fixture) : LifecycleEdgeTests(fixture), IClassFixture<PostgresShippedLifecyclesFixture>;
