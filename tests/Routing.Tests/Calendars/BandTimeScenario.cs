using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Calendars.Scenario;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Calendars;

/// A band's `time` says which of its windows count around the clock: here the acknowledgement of
/// a P2, while its resolution still counts on the department's calendar. A `time` the rules
/// cannot follow is refused at the draft, by the rule's name.
public abstract class BandTimeScenario(CalendarScenarioFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    async Task<JsonObject> ActiveDraftAsync()
    {
        var active = await client.GetJsonAsync("/api/rules");
        var draft = new JsonObject();
        foreach (var part in new[] { "workflows", "departments", "calendars", "lifecycles" })
            if (active[part] is { } value) draft[part] = value.DeepClone();
        return draft;
    }

    [Fact]
    public async Task A_band_that_counts_acknowledgement_around_the_clock_leaves_resolution_on_the_calendar()
    {
        var draft = await ActiveDraftAsync();
        draft.Rule("HighSeverity")["Properties"]!["time"] = new JsonObject { ["ackWithin"] = "calendar" };
        await client.PublishAsync(await client.DraftAsync(draft));

        // Fri 4 Dec 2026 15:00 Berlin (CET) = 14:00Z: a P2 for logistics (office-berlin).
        await fixture.AdvanceToAsync(Utc(2026, 12, 4, 14));
        var item = (await client.SubmitAsync(Reports.Valid("supply", "high"))).Item("logistics");
        // ackWithin P1D around the clock: 24 h → Sat 5 Dec 14:00Z, a Saturday.
        // resolveWithin P7D on the calendar = 56 working hours: 2 h Fri; Mon 7 … Fri 11, Mon 14 (50 h);
        // 6 h Tue 15 → Tue 15 Dec 15:00 CET = 14:00Z.
        Assert.Equal((Utc(2026, 12, 5, 14), Utc(2026, 12, 15, 14)), (item.AckDueAt(), item.ResolveDueAt()));

        // The reminder comes on the Saturday, when the acknowledgement is due.
        var id = (string)item["id"]!;
        await fixture.AdvanceToAsync(Utc(2026, 12, 5, 14) - Minute);
        Assert.Equal(0, (await client.TimelineAsync(id)).Count("work-item.reminded"));
        await fixture.AdvanceToAsync(Utc(2026, 12, 5, 14));
        Assert.Equal(1, (await client.TimelineAsync(id)).Count("work-item.reminded"));
    }

    [Fact]
    public async Task A_time_naming_an_unknown_window_or_an_unknown_way_to_count_is_422_by_the_rule()
    {
        var draft = await ActiveDraftAsync();
        draft.Rule("HighSeverity")["Properties"]!["time"] = new JsonObject { ["ackWithn"] = "calendar" };
        draft.Rule("LowSeverity")["Properties"]!["time"] = new JsonObject { ["resolveWithin"] = "weekdays" };
        draft.Rule("MediumSeverity")["Properties"]!["time"] = "calendar";

        var response = await client.PostAsJsonAsync("/api/rules/versions", draft);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("time names 'ackWithn'", (string)errors["HighSeverity"]![0]!);
        Assert.Contains("time.resolveWithin must be \"business\"", (string)errors["LowSeverity"]![0]!);
        Assert.Contains("time must be an object", (string)errors["MediumSeverity"]![0]!);
    }
}

public sealed class BandTimeOnSqlite(SqliteCalendarScenarioFixture fixture)
    : BandTimeScenario(fixture), IClassFixture<SqliteCalendarScenarioFixture>;
