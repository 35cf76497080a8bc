using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Calendars;

/// A host whose logistics department and vendor Acme Parts (on the SCAR lifecycle, which waits on
/// the CSMs) each work on an office calendar of their own, Europe/Berlin, Mon–Fri 09:00–17:00,
/// no holidays; a critical report's windows count around the clock. Each test changes one of
/// the two calendars, so the open items it counts are its own.
public abstract class CalendarChangeFixture(TestStore store) : RoutingFixture(store)
{
    public const string Zone = "Europe/Berlin";

    public override Task InitializeAsync()
    {
        RulesFolder = Folder.Value;
        return base.InitializeAsync();
    }

    /// The rules: the standard ones with the two office calendars (a browser story's host runs on them too).
    public static string Rules => Folder.Value;

    static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("routing-calendar-change-").FullName;
        foreach (var file in Directory.GetFiles(TestRules.Standard, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));

        var departments = TestRules.Part(Path.Combine(folder, "departments.json"));
        Department(departments, "logistics")["calendar"] = "office-logistics";
        Department(departments, "acme-parts")["calendar"] = "office-vendor";
        Department(departments, "acme-parts")["lifecycle"] = "supplier-corrective-action";
        File.WriteAllText(Path.Combine(folder, "departments.json"), departments.ToJsonString());

        var calendars = TestRules.Part(Path.Combine(folder, "calendars.json"));
        calendars.Add(Office("office-logistics"));
        calendars.Add(Office("office-vendor"));
        File.WriteAllText(Path.Combine(folder, "calendars.json"), calendars.ToJsonString());

        var routing = TestRules.Part(Path.Combine(folder, "routing.json"));
        var critical = routing.SelectMany(w => w!["Rules"]!.AsArray()).Single(r => (string)r!["RuleName"]! == "CriticalSeverity")!;
        critical["Properties"]!["time"] = new JsonObject { ["ackWithin"] = "calendar", ["resolveWithin"] = "calendar", ["followUpEvery"] = "calendar" };
        File.WriteAllText(Path.Combine(folder, "routing.json"), routing.ToJsonString());
        return folder;
    });

    static JsonObject Department(JsonArray departments, string id) => departments.Single(d => (string)d!["id"]! == id)!.AsObject();

    static JsonObject Office(string id) => new()
    {
        ["id"] = id, ["name"] = id, ["timeZone"] = Zone,
        ["week"] = new JsonArray(new JsonObject { ["days"] = new JsonArray("Mon", "Tue", "Wed", "Thu", "Fri"), ["from"] = "09:00", ["to"] = "17:00" }),
    };

    /// Moves the clock (firing what comes due) to the next Monday at `hour` in Berlin; that Monday.
    public async Task<DateOnly> ToNextMondayAsync(int hour)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Zone)).DateTime);
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var monday = today.AddDays(days == 0 ? 7 : days);
        await ToAsync(At(monday, hour));
        return monday;
    }

    /// Moves the clock (firing what comes due) to an instant.
    public Task ToAsync(DateTimeOffset at) => AdvanceAsync(at - Clock.GetUtcNow());

    /// A day and hour in Berlin as the instant it names.
    public static DateTimeOffset At(DateOnly day, int hour) => TestCalendars.At(Zone, day.Year, day.Month, day.Day, hour);
}

public sealed class SqliteCalendarChangeFixture() : CalendarChangeFixture(TestStore.Sqlite());

public sealed class PostgresCalendarChangeFixture() : CalendarChangeFixture(TestStore.Postgres());
