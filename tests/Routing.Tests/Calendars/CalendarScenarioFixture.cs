using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Calendars;

/// A host whose departments work on calendars, on a store of its own (each scenario class gets
/// one, so each can set the fake clock to the days it is about):
/// - logistics and the vendor acme-parts: the shipped office-berlin (09–17 Mon–Fri, Europe/Berlin,
///   Germany's holidays and the listed 24 and 31 December);
/// - triage: the shipped office-chicago (08–12 and 13–17 Mon–Fri, America/Chicago, US holidays);
/// - manufacturing: berlin-around-the-clock (00:00–24:00 every day, Europe/Berlin);
/// - marketing: berlin-plant (09–17 Mon–Fri, Europe/Berlin) whose holidays are an iCal feed (the
///   stocktaking days 4–5 January 2027) and Germany's.
/// Departments follow the standard lifecycle, vendors the SCAR as shipped. The bands are the
/// shipped ones: critical P1 (ack PT4H, resolve P3D), high P2 (P1D, P7D), medium P3 (P2D,
/// P14D), low P4 (P5D, P30D, and here follow-ups every P1D); follow-ups default to half the
/// acknowledgement window.
public abstract class CalendarScenarioFixture(TestStore store) : RoutingFixture(store)
{
    public const string StocktakingIcal = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Berlin plant//EN
        BEGIN:VEVENT
        UID:stocktaking-2027@plant.example
        DTSTAMP:20260101T000000Z
        DTSTART;VALUE=DATE:20270104
        DTEND;VALUE=DATE:20270106
        SUMMARY:Stocktaking (plant closed)
        END:VEVENT
        END:VCALENDAR
        """;

    static readonly Lazy<string> folder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("routing-calendar-rules-").FullName;
        foreach (var file in Directory.GetFiles(TestRules.Shipped, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));

        var routing = TestRules.Part(Path.Combine(TestRules.Shipped, "routing.json"));
        routing.SelectMany(w => w!["Rules"]!.AsArray()).Single(r => (string)r!["RuleName"]! == "LowSeverity")!["Properties"]!["followUpEvery"] = "P1D";
        File.WriteAllText(Path.Combine(folder, "routing.json"), routing.ToJsonString());

        var departments = TestRules.Part(Path.Combine(TestRules.Shipped, "departments.json"));
        var calendarOf = new Dictionary<string, string>
        {
            ["logistics"] = "office-berlin", ["acme-parts"] = "office-berlin", ["triage"] = "office-chicago",
            ["manufacturing"] = "berlin-around-the-clock", ["marketing"] = "berlin-plant",
        };
        foreach (var department in departments.Select(d => d!.AsObject()))
        {
            if ((string)department["kind"]! != "vendor") department.Remove("lifecycle");
            if (calendarOf.TryGetValue((string)department["id"]!, out var calendar)) department["calendar"] = calendar;
        }
        File.WriteAllText(Path.Combine(folder, "departments.json"), departments.ToJsonString());

        var calendars = TestRules.Part(Path.Combine(TestRules.Shipped, "calendars.json"));
        JsonArray weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"];
        calendars.Add(new JsonObject
        {
            ["id"] = "berlin-around-the-clock", ["name"] = "Berlin plant, around the clock", ["timeZone"] = "Europe/Berlin",
            ["week"] = new JsonArray(new JsonObject
            {
                ["days"] = new JsonArray("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), ["from"] = "00:00", ["to"] = "24:00",
            }),
        });
        calendars.Add(new JsonObject
        {
            ["id"] = "berlin-plant", ["name"] = "Berlin plant", ["timeZone"] = "Europe/Berlin",
            ["week"] = new JsonArray(new JsonObject { ["days"] = weekdays, ["from"] = "09:00", ["to"] = "17:00" }),
            ["holidays"] = new JsonObject { ["ical"] = StocktakingIcal, ["country"] = "DE", ["fromYear"] = 2026, ["toYear"] = 2028 },
        });
        File.WriteAllText(Path.Combine(folder, "calendars.json"), calendars.ToJsonString());
        return folder;
    });

    public override Task InitializeAsync()
    {
        RulesFolder = folder.Value;
        return base.InitializeAsync();
    }

    /// Moves the clock forward to `at`, firing what comes due on the way.
    public Task AdvanceToAsync(DateTimeOffset at)
    {
        var by = at - Clock.GetUtcNow();
        Assert.True(by >= TimeSpan.Zero, $"the clock is at {Clock.GetUtcNow():O}, past {at:O}");
        return AdvanceAsync(by);
    }
}

public sealed class SqliteCalendarScenarioFixture() : CalendarScenarioFixture(TestStore.Sqlite());

public sealed class PostgresCalendarScenarioFixture() : CalendarScenarioFixture(TestStore.Postgres());
