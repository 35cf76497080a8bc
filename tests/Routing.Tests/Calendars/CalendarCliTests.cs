using Routing.Tests.Infrastructure;
using System.Text.Json.Nodes;
using Routing.Host.Cli;

namespace Routing.Tests.Calendars;

/// `rules validate` checks calendars.json beside the departments, each problem at its place.
public sealed class CalendarCliTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("routing-cli-calendars-").FullName;
    static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "rules");

    [Fact]
    public async Task A_broken_calendar_and_a_department_naming_an_unknown_one_fail_validation_at_their_places()
    {
        foreach (var file in Directory.GetFiles(Shipped, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var calendars = TestRules.Part(Path.Combine(folder, "calendars.json"));
        calendars[0]!["week"]![0]!["from"] = "18:00";
        File.WriteAllText(Path.Combine(folder, "calendars.json"), calendars.ToJsonString());
        var departments = TestRules.Part(Path.Combine(folder, "departments.json"));
        departments[0]!["calendar"] = "office-tokyo";
        File.WriteAllText(Path.Combine(folder, "departments.json"), departments.ToJsonString());

        var output = new StringWriter();
        var code = await RoutingCli.TryRunAsync(["rules", "validate", Path.Combine(folder, "routing.json"), Path.Combine(folder, "departments.json")],
            output, new StringWriter());

        Assert.Equal(1, code);
        Assert.Equal(
        [
            "calendars/office-berlin/week/0/to: 17:00 is not after 18:00: working hours end after they start, within one day.",
            "departments/manufacturing: calendar 'office-tokyo' is not one of the calendars.",
        ], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
