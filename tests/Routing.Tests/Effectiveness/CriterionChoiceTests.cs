using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;
using static Routing.Tests.Effectiveness.SegmentData;

namespace Routing.Tests.Effectiveness;

/// A department sets its own effectiveness criterion in the resolve step (issue 19), and cannot
/// loosen it silently. On the shipped rules: manufacturing follows the corrective-action
/// lifecycle, whose resolve asks for what was done in its fields and needs no note — so a note
/// demanded here is demanded by the loosening alone.
public abstract class CriterionChoiceTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    static readonly Dictionary<string, object> Resolve = (Dictionary<string, object>)LifecycleActions.CapaSteps.Single(s => s.Action == "resolve").Fields;

    /// A quality item of manufacturing, planned and ready to resolve, whose product had, in the
    /// year before today, 20 units sold a day (365 × 20 = 7,300) and a complaint every 5 days
    /// (73): 1.0%. The default target is the rate halved, 0.5% (the segment is the whole
    /// product: no baseline outside it), watched 30 days from tomorrow.
    async Task<(string Id, DateOnly Today)> PlannedAsync()
    {
        var product = $"HX-200 heater {Guid.NewGuid():N}";
        var today = Day(fixture.Clock.GetUtcNow());
        await client.SellAsync(product, today.AddDays(-365), today, PerDay(20));
        await client.ComplainAsync(product, Days(today.AddDays(-365), 73, every: 5));
        var report = Reports.Valid("quality").With("product", product).With("unitsSold", 7300).With("affectedUnits", 73);
        var id = (string)(await client.SubmitAsync(report)).Item("manufacturing")["id"]!;
        foreach (var (action, fields) in LifecycleActions.CapaSteps.Where(s => s.Action != "resolve"))
            await client.DoWithAsync(id, action, fields);
        Assert.Equal("ActionPlanned", (await client.GetItemAsync(id)).State());
        return (id, today);
    }

    static async Task<JsonNode?> CriterionAsync(HttpClient client, string id) =>
        (await client.TimelineAsync(id)).OfKind("work-item.criterion-fixed").SingleOrDefault()?["data"];

    [Fact]
    public async Task The_default_criterion_needs_no_note()
    {
        var (id, today) = await PlannedAsync();

        Assert.Equal("Resolved", (await client.DoWithAsync(id, "resolve", fields: Resolve)).State());

        var criterion = (await CriterionAsync(client, id))!;
        Assert.Equal((0.005, 0.005, false, 30), ((double)criterion["target"]!, (double)criterion["defaultTarget"]!,
            (bool)criterion["loosened"]!, (int)criterion["windowDays"]!));
        Assert.Equal([$"resolution-check at {At(Midnight(today.AddDays(31)))}"], await fixture.PendingTimersAsync(id));
    }

    [Fact]
    public async Task A_target_above_the_default_is_refused_without_a_note_and_kept_with_one()
    {
        var (id, _) = await PlannedAsync();
        var before = await client.GetItemAsync(id);

        // 0.8% is above the default 0.5%: it loosens the criterion, so it needs a reason.
        var errors = await client.RefusedWithAsync(id, "resolve", fields: Resolve, effectiveness: new { target = 0.008 });
        Assert.Equal(["note"], errors.Select(e => e.Key));
        Assert.Contains("loosen", (string)errors["note"]![0]!);
        var unchanged = await client.GetItemAsync(id);
        Assert.Equal(("ActionPlanned", (int)before["version"]!), (unchanged.State(), (int)unchanged["version"]!));
        Assert.Null(await CriterionAsync(client, id));

        const string why = "The old boards are still in the field until March; 0.8% is what the new ones can show by then";
        Assert.Equal("Resolved", (await client.DoWithAsync(id, "resolve", why, Resolve, new { target = 0.008 })).State());

        var timeline = await client.TimelineAsync(id);
        var criterion = Assert.Single(timeline.OfKind("work-item.criterion-fixed"))["data"]!;
        // 0.8% against 73 on 7,300 needs 44,697 units after the fix to show (mpmath agrees).
        Assert.Equal((0.008, 0.005, true, 44697L), ((double)criterion["target"]!, (double)criterion["defaultTarget"]!,
            (bool)criterion["loosened"]!, (long)criterion["minimumExposure"]!));
        Assert.Equal(why, (string)Assert.Single(timeline.OfKind("work-item.resolved"))["data"]!["note"]!);
    }

    [Fact]
    public async Task A_window_shorter_than_30_days_loosens_the_criterion_too()
    {
        var (id, today) = await PlannedAsync();

        var errors = await client.RefusedWithAsync(id, "resolve", fields: Resolve, effectiveness: new { windowDays = 14 });
        Assert.Equal(["note"], errors.Select(e => e.Key));
        Assert.Equal("ActionPlanned", (await client.GetItemAsync(id)).State());

        await client.DoWithAsync(id, "resolve", "The recall ends in two weeks", Resolve, new { windowDays = 14 });

        var criterion = (await CriterionAsync(client, id))!;
        Assert.Equal((0.005, true, 14), ((double)criterion["target"]!, (bool)criterion["loosened"]!, (int)criterion["windowDays"]!));
        Assert.Equal([$"resolution-check at {At(Midnight(today.AddDays(15)))}"], await fixture.PendingTimersAsync(id));
    }

    [Fact]
    public async Task A_tighter_target_is_accepted_without_a_note()
    {
        var (id, _) = await PlannedAsync();

        Assert.Equal("Resolved", (await client.DoWithAsync(id, "resolve", fields: Resolve, effectiveness: new { target = 0.003 })).State());

        var criterion = (await CriterionAsync(client, id))!;
        // A bigger fall is easier to see: 0.3% against 73 on 7,300 shows on 633 units (mpmath agrees).
        Assert.Equal((0.003, 0.005, false, 633L), ((double)criterion["target"]!, (double)criterion["defaultTarget"]!,
            (bool)criterion["loosened"]!, (long)criterion["minimumExposure"]!));
    }

    [Fact]
    public async Task Only_the_action_that_resolves_sets_a_criterion()
    {
        var id = (string)(await client.SubmitAsync(Reports.Valid("quality"))).Item("manufacturing")["id"]!;

        var errors = await client.RefusedWithAsync(id, "acknowledge", effectiveness: new { target = 0.003 });

        Assert.Equal(["effectiveness"], errors.Select(e => e.Key));
        Assert.Equal("Routed", (await client.GetItemAsync(id)).State());
    }

    [Fact]
    public async Task A_target_that_is_no_rate_or_a_window_of_no_days_is_refused_by_name()
    {
        var (id, _) = await PlannedAsync();

        // 1.5 is 150%, not a rate per unit sold; a window of 0 days watches nothing.
        var errors = await client.RefusedWithAsync(id, "resolve", "Fixed", Resolve, new { target = 1.5, windowDays = 0 });

        Assert.Equal(["effectiveness.target", "effectiveness.windowDays"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("ActionPlanned", (await client.GetItemAsync(id)).State());
        Assert.Null(await CriterionAsync(client, id));
    }
}

public sealed class CriterionChoiceOnSqlite(SqliteShippedLifecyclesFixture fixture)
    : CriterionChoiceTests(fixture), IClassFixture<SqliteShippedLifecyclesFixture>;

public sealed class CriterionChoiceOnPostgres(PostgresShippedLifecyclesFixture fixture)
    : CriterionChoiceTests(fixture), IClassFixture<PostgresShippedLifecyclesFixture>;
