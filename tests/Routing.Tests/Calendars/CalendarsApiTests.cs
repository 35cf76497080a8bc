using System.Net;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Calendars;

/// GET /api/calendars and a calendar's windows, read by every role from the active ruleset.
public abstract class CalendarsApiTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    async Task<JsonArray> ListAsync(HttpClient? by = null)
    {
        var response = await (by ?? client).GetAsync("/api/calendars");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsArray();
    }

    [Fact]
    public async Task The_calendars_show_their_week_this_years_holidays_and_the_departments_naming_them()
    {
        // The fake clock is in November 2026.
        var draft = Rulesets.ShippedDraft();
        draft["departments"]!.AsArray().Single(d => (string)d!["id"]! == "manufacturing")!["calendar"] = "office-berlin";
        var before = (int)(await client.GetJsonAsync("/api/rules"))["version"]!;
        await client.PublishAsync(await client.DraftAsync(draft));
        try
        {
            var csm = fixture.App.ClientWithKey(await client.CreateKeyAsync("csm"));
            var calendars = await ListAsync(csm);
            Assert.Equal(["office-berlin", "office-chicago", "always"], calendars.Select(c => (string)c!["id"]!));
            var berlin = calendars[0]!;
            Assert.Equal("Europe/Berlin", (string)berlin["timeZone"]!);
            Assert.Equal(["manufacturing"], berlin["departments"]!.AsArray().Select(d => (string)d!));
            Assert.Equal(2026, (int)berlin["year"]!);
            Assert.Equal(["Mon 09:00–17:00", "Tue 09:00–17:00", "Wed 09:00–17:00", "Thu 09:00–17:00", "Fri 09:00–17:00"],
                berlin["week"]!.AsArray().Select(h => $"{h!["day"]} {h["from"]}–{h["to"]}"));
            var holidays = berlin["holidays"]!.AsArray().Select(d => (string)d!).ToList();
            Assert.Contains("2026-10-03", holidays); // German Unity Day
            Assert.Contains("2026-12-24", holidays); // listed in calendars.json
            Assert.DoesNotContain(holidays, d => !d.StartsWith("2026-"));
            Assert.Equal(["Mon 08:00–12:00", "Mon 13:00–17:00"],
                calendars[1]!["week"]!.AsArray().Take(2).Select(h => $"{h!["day"]} {h["from"]}–{h["to"]}"));
            Assert.Empty(calendars[1]!["departments"]!.AsArray());
        }
        finally
        {
            await client.PublishAsync(before);
        }
    }

    [Fact]
    public async Task Windows_list_a_weeks_working_time_as_utc_instants_and_local_times()
    {
        // Fri 27 Nov to Tue 1 Dec 2026 UTC: Friday from 10:00 CET, Monday whole, Tuesday to 09:30 CET.
        var answer = await client.GetJsonAsync("/api/calendars/office-berlin/windows?from=2026-11-27T09:00:00Z&to=2026-12-01T08:30:00Z");

        Assert.Equal("PT15H30M", (string)answer["workingTime"]!);
        var windows = answer["windows"]!.AsArray();
        Assert.Equal(["2026-11-27T09:00:00+00:00 2026-11-27T16:00:00+00:00", "2026-11-30T08:00:00+00:00 2026-11-30T16:00:00+00:00",
            "2026-12-01T08:00:00+00:00 2026-12-01T08:30:00+00:00"],
            windows.Select(w => $"{Instant(w!["start"])} {Instant(w["end"])}"));
        Assert.Equal("2026-11-30T09:00:00+01:00", (string)windows[1]!["localStart"]!);
        Assert.Equal("2026-11-30T17:00:00+01:00", (string)windows[1]!["localEnd"]!);
    }

    static string Instant(JsonNode? node) => DateTimeOffset.Parse((string)node!).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz");

    [Theory]
    [InlineData("/api/calendars/office-berlin/windows?from=yesterday&to=2026-12-01T00:00:00Z", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/calendars/office-berlin/windows?from=2026-12-01T00:00:00Z", HttpStatusCode.BadRequest, "to")]
    [InlineData("/api/calendars/office-berlin/windows?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", HttpStatusCode.BadRequest, "to")]
    [InlineData("/api/calendars/office-berlin/windows?from=2026-01-01T00:00:00Z&to=2028-01-01T00:00:00Z", HttpStatusCode.UnprocessableEntity, "to")]
    public async Task A_bad_or_too_wide_period_is_refused_naming_the_field(string path, HttpStatusCode status, string field)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
    }

    [Fact]
    public async Task An_unknown_calendar_is_404()
    {
        var response = await client.GetAsync("/api/calendars/office-tokyo/windows?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("office-tokyo", await response.Content.ReadAsStringAsync());
    }
}

public sealed class CalendarsApiOnSqlite(SqliteFixture fixture) : CalendarsApiTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CalendarsApiOnPostgres(PostgresFixture fixture) : CalendarsApiTests(fixture), IClassFixture<PostgresFixture>;
