using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Calendars;

/// POST /api/calendars/{id}/holidays: a team's .ics file of holidays becomes a draft whose
/// calendar closes on those days; nothing changes until it is published.
public abstract class IcalImportTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    // A company's closing days as a mail calendar exports them: a recurring all-day event (the
    // founder's day, every 14 May), a two-day all-day event, and a timed meeting that closes nothing.
    const string Ics = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Example Corp//Holidays//EN
        BEGIN:VEVENT
        UID:founders-day@example.com
        DTSTAMP:20261101T000000Z
        DTSTART;VALUE=DATE:20270514
        DTEND;VALUE=DATE:20270515
        RRULE:FREQ=YEARLY
        SUMMARY:Founder's day
        END:VEVENT
        BEGIN:VEVENT
        UID:inventory@example.com
        DTSTAMP:20261101T000000Z
        DTSTART;VALUE=DATE:20270104
        DTEND;VALUE=DATE:20270106
        SUMMARY:Inventory
        END:VEVENT
        BEGIN:VEVENT
        UID:meeting@example.com
        DTSTAMP:20261101T000000Z
        DTSTART:20270107T100000Z
        DTEND:20270107T110000Z
        SUMMARY:All hands
        END:VEVENT
        END:VCALENDAR
        """;

    static StringContent Calendar(string text) => new(text, Encoding.UTF8, "text/calendar");

    async Task<JsonArray> WindowsAsync(int version, string from, string to) =>
        (await admin.GetJsonAsync($"/api/calendars/office-chicago/windows?from={from}&to={to}&version={version}"))["windows"]!.AsArray();

    [Fact]
    public async Task An_ics_file_drafts_a_version_whose_calendar_closes_on_its_all_day_events()
    {
        var active = (int)(await admin.GetJsonAsync("/api/rules"))["version"]!;

        var response = await admin.PostAsync("/api/calendars/office-chicago/holidays", Calendar(Ics));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var drafted = JsonNode.Parse(body)!;
        var version = (int)drafted["version"]!;
        Assert.Equal($"/api/rules/versions/{version}", response.Headers.Location?.OriginalString);
        Assert.Equal(active, (int)(await admin.GetJsonAsync("/api/rules"))["version"]!); // a draft: nothing published
        // The shipped calendar counts US holidays for 2025–2035 and keeps them.
        Assert.Equal(2025, (int)drafted["fromYear"]!);
        Assert.Equal(2035, (int)drafted["toYear"]!);

        // Mon 4 and Tue 5 Jan 2027 (inventory) are closed, Thu 7 Jan (a meeting) is not; 14 May recurs each year.
        Assert.Empty(await WindowsAsync(version, "2027-01-04T00:00:00Z", "2027-01-06T06:00:00Z"));
        Assert.NotEmpty(await WindowsAsync(version, "2027-01-07T00:00:00Z", "2027-01-08T06:00:00Z"));
        Assert.Empty(await WindowsAsync(version, "2029-05-14T06:00:00Z", "2029-05-15T05:00:00Z")); // a Monday
        Assert.NotEmpty(await WindowsAsync(active, "2027-01-04T00:00:00Z", "2027-01-06T06:00:00Z"));
        var holidays = drafted["holidays"]!.GetValue<int>();
        var shipped = (await admin.GetJsonAsync($"/api/rules/versions/{active}"))["calendars"]!.AsArray()
            .Single(c => (string)c!["id"]! == "office-chicago")!;
        Assert.Equal("US", (string)shipped["holidays"]!["country"]!); // kept beside the file
        Assert.True(holidays > 11 * 10, $"{holidays} holidays: the country's stay beside the file's");

        var diff = await admin.GetJsonAsync($"/api/rules/versions/{version}/diff");
        Assert.Equal(["office-chicago"], diff["changedCalendars"]!.AsArray().Select(c => (string)c!["name"]!));
    }

    [Theory]
    [InlineData("office-tokyo", "text/calendar", Ics, HttpStatusCode.NotFound)]
    [InlineData("office-chicago", "text/plain", Ics, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("office-chicago", "text/calendar", "  ", HttpStatusCode.BadRequest)]
    [InlineData("office-chicago", "text/calendar", "a list of holidays, typed", HttpStatusCode.UnprocessableEntity)]
    // Only a meeting: nothing that closes a day.
    [InlineData("office-chicago", "text/calendar", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270107T100000Z\nDTEND:20270107T110000Z\nEND:VEVENT\nEND:VCALENDAR", HttpStatusCode.UnprocessableEntity)]
    public async Task A_wrong_calendar_type_or_file_is_refused_and_drafts_nothing(string calendar, string type, string text, HttpStatusCode status)
    {
        var versions = JsonNode.Parse(await admin.GetStringAsync("/api/rules/versions"))!.AsArray().Count;

        var response = await admin.PostAsync($"/api/calendars/{calendar}/holidays", new StringContent(text, Encoding.UTF8, type));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (status == HttpStatusCode.UnprocessableEntity)
            Assert.Contains("calendars/office-chicago/holidays/ical", await response.Content.ReadAsStringAsync());
        Assert.Equal(versions, JsonNode.Parse(await admin.GetStringAsync("/api/rules/versions"))!.AsArray().Count);
    }

    [Fact]
    public async Task Only_an_admin_imports_holidays()
    {
        var head = fixture.App.ClientWithKey(await admin.CreateKeyAsync("department-head", "logistics"));

        var response = await head.PostAsync("/api/calendars/office-chicago/holidays", Calendar(Ics));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class IcalImportOnSqlite(SqliteFixture fixture) : IcalImportTests(fixture), IClassFixture<SqliteFixture>;

public sealed class IcalImportOnPostgres(PostgresFixture fixture) : IcalImportTests(fixture), IClassFixture<PostgresFixture>;
