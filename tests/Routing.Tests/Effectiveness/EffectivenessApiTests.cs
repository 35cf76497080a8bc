using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Effectiveness;

/// GET /api/work-items/{id}/effectiveness while a fix is watched, and the CSM's decision on a check
/// that stayed inconclusive. The product sells 1,000 units a month in Idaho for the eleven months
/// before this one, with one quality complaint in each: 11 on 11,000 (0.1%), no other region,
/// so the default target is half of it (0.05%).
public abstract class EffectivenessApiTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    async Task<string> SubmitAsync()
    {
        var report = Reports.Valid("quality").With("segment.region", "Idaho").With("unitsSold", 11_000);
        var product = (string)report["product"]!;
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var months = Enumerable.Range(1, 11).Select(m => new DateOnly(today.Year, today.Month, 1).AddMonths(-m)).ToList();
        await admin.PostAsync("/api/exposure", new StringContent("product,region,month,unitsSold\n" +
            string.Concat(months.Select(m => $"{product},Idaho,{m:yyyy-MM},1000\n")), System.Text.Encoding.UTF8, "text/csv"));
        await admin.PostAsync("/api/complaints", new StringContent(string.Concat(months.Select(m =>
            $$"""{"id":"{{Guid.NewGuid()}}","receivedAt":"{{m:yyyy-MM}}-10T10:00:00Z","product":"{{product}}","category":"quality","region":"Idaho"}""" + "\n")),
            System.Text.Encoding.UTF8, "application/x-ndjson"));
        return (string)(await admin.SubmitAsync(report)).Item("manufacturing")["id"]!;
    }

    Task<JsonObject> EffectivenessAsync(HttpClient client, string id) => client.GetJsonAsync($"/api/work-items/{id}/effectiveness");

    [Fact]
    public async Task A_head_sees_the_rate_before_the_fix_then_the_criterion_fixed_when_it_is_resolved()
    {
        var id = await SubmitAsync();
        var head = fixture.App.ClientWithKey(await admin.CreateKeyAsync("department-head", "manufacturing"));

        var open = await EffectivenessAsync(head, id);
        Assert.Equal(("measured", "pending"), ((string)open["method"]!, (string)open["verdict"]!));
        Assert.Null(open["criterion"]);
        Assert.Equal((11, 11_000.0), ((long)open["before"]!["complaints"]!, (double)open["before"]!["unitsSold"]!));
        Assert.Contains("0.05%", (string)open["explanation"]!);

        await head.DoAsync(id, "acknowledge");
        await head.DoAsync(id, "resolve", "new seal");
        var watched = await EffectivenessAsync(head, id);
        var criterion = watched["criterion"]!;
        Assert.Equal(0.0005, (double)criterion["target"]!, 12);
        Assert.Equal(0.0005, (double)criterion["defaultTarget"]!, 12);
        Assert.Null(criterion["baselineRate"]);
        Assert.Equal(30, (int)criterion["windowDays"]!);
        var tomorrow = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        Assert.Equal(tomorrow.ToString("yyyy-MM-dd"), (string)criterion["watchFrom"]!);
        Assert.Equal(tomorrow.AddDays(30).ToString("yyyy-MM-dd"), (string)criterion["watchTo"]!);
        Assert.Equal("pending", (string)watched["verdict"]!);
        Assert.StartsWith($"Pending: checked on {tomorrow.AddDays(30):yyyy-MM-dd} (watched {tomorrow:yyyy-MM-dd} to {tomorrow.AddDays(29):yyyy-MM-dd})",
            (string)watched["explanation"]!);
        // The chart's months: the eleven before the fix, each 0.1%.
        Assert.All(watched["months"]!.AsArray().Take(11), m => Assert.Equal(0.001, (double)m!["rate"]!, 12));
    }

    [Fact]
    public async Task A_target_of_minus_zero_is_a_target_of_zero()
    {
        var id = await SubmitAsync();
        await admin.DoAsync(id, "acknowledge");
        var version = (int)(await admin.GetItemAsync(id))["version"]!;
        var resolved = await admin.PostAsJsonAsync($"/api/work-items/{id}/resolve", new { note = "new seal", version, effectiveness = new { target = -0.0 } });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(0.0, (double)(await EffectivenessAsync(admin, id))["criterion"]!["target"]!);
    }

    [Fact]
    public async Task A_check_still_inconclusive_after_its_extension_is_decided_by_a_CSM_with_a_note()
    {
        var id = await SubmitAsync();
        await admin.DoAsync(id, "acknowledge");
        await admin.DoAsync(id, "resolve", "new seal");
        // Nothing sold after the fix (imported as 0 units a month): two windows pass without a verdict.
        var product = (string)(await admin.GetJsonAsync($"/api/reports/{(string)(await admin.GetItemAsync(id))["reportId"]!}"))["product"]!;
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        await admin.PostAsync("/api/exposure", new StringContent("product,region,month,unitsSold\n" + string.Concat(Enumerable.Range(0, 4)
            .Select(m => $"{product},Idaho,{new DateOnly(today.Year, today.Month, 1).AddMonths(m):yyyy-MM},0\n")), System.Text.Encoding.UTF8, "text/csv"));
        await fixture.AdvanceAsync(TimeSpan.FromDays(62));
        var undecided = await EffectivenessAsync(admin, id);
        Assert.Equal("inconclusive", (string)undecided["verdict"]!);
        Assert.True((bool)undecided["criterion"]!["extended"]!);
        Assert.Equal("Resolved", (await admin.GetItemAsync(id)).State());

        var version = (int)(await admin.GetItemAsync(id))["version"]!;
        var head = fixture.App.ClientWithKey(await admin.CreateKeyAsync("department-head", "manufacturing"));
        var csm = fixture.App.ClientWithKey(await admin.CreateKeyAsync("csm"));
        string path = $"/api/work-items/{id}/effectiveness/decision";
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsJsonAsync(path, new { verdict = "effective", note = "ok", version })).StatusCode);
        var noNote = await csm.PostAsJsonAsync(path, new { verdict = "effective", version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noNote.StatusCode);
        Assert.Contains("\"note\"", await noNote.Content.ReadAsStringAsync());
        var wrong = await csm.PostAsJsonAsync(path, new { verdict = "maybe", note = "x", version });
        Assert.Contains("\"verdict\"", await wrong.Content.ReadAsStringAsync());
        Assert.Equal("Resolved", (await admin.GetItemAsync(id)).State());

        var decided = await csm.PostAsJsonAsync(path, new { verdict = "effective", note = "the field reports stopped", version });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("Verified", (await admin.GetItemAsync(id)).State());
        var verified = (await admin.TimelineAsync(id)).Last(e => (string)e!["kind"]! == "work-item.verified")!;
        Assert.Equal("inconclusive", (string)verified["data"]!["effectiveness"]!["verdict"]!);
        Assert.Equal("the field reports stopped", (string)verified["data"]!["note"]!);
        Assert.Equal(HttpStatusCode.Conflict,
            (await csm.PostAsJsonAsync(path, new { verdict = "not-effective", note = "again", version = version + 1 })).StatusCode);
    }
}

public sealed class EffectivenessApiOnSqlite(SqliteFixture fixture) : EffectivenessApiTests(fixture), IClassFixture<SqliteFixture>;

public sealed class EffectivenessApiOnPostgres(PostgresFixture fixture) : EffectivenessApiTests(fixture), IClassFixture<PostgresFixture>;
