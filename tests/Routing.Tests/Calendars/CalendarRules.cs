using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Calendars;

/// The shipped rules (each department on its own lifecycle) with R&D and Acme Parts working on
/// the Berlin office's calendar (Mon–Fri 09:00–17:00, Europe/Berlin); the other departments name
/// none and count around the clock.
public static class CalendarRules
{
    public const string Berlin = "office-berlin";
    public static readonly string[] OnBerlin = ["rnd", "acme-parts"];

    static readonly Lazy<string> folder = new(() =>
    {
        var path = Directory.CreateTempSubdirectory("routing-calendar-rules-").FullName;
        foreach (var file in Directory.GetFiles(TestRules.Shipped, "*.json")) File.Copy(file, Path.Combine(path, Path.GetFileName(file)));
        var departments = TestRules.Part(Path.Combine(TestRules.Shipped, "departments.json"));
        foreach (var department in departments.Where(d => OnBerlin.Contains((string)d!["id"]!))) department!["calendar"] = Berlin;
        File.WriteAllText(Path.Combine(path, "departments.json"), departments.ToJsonString());
        return path;
    });

    public static string Folder => folder.Value;
}

/// A host on CalendarRules.
public abstract class CalendarRulesFixture(TestStore store) : RoutingFixture(store)
{
    public override Task InitializeAsync()
    {
        RulesFolder = CalendarRules.Folder;
        return base.InitializeAsync();
    }
}

public sealed class SqliteCalendarRulesFixture() : CalendarRulesFixture(TestStore.Sqlite());

public sealed class PostgresCalendarRulesFixture() : CalendarRulesFixture(TestStore.Postgres());
