using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Imports;

/// `dotnet run --project host -- import complaints|exposure FILE`: the API's import from a file,
/// its summary alone on stdout, exit code 1 when a line was rejected.
public sealed class ImportCliTests : IAsyncLifetime
{
    readonly string folder = Directory.CreateTempSubdirectory("routing-import-cli-").FullName;
    readonly TestStore store = TestStore.Sqlite();

    Dictionary<string, string> Settings => new()
    {
        ["Routing__Storage__Provider"] = store.Provider,
        ["ConnectionStrings__Routing"] = store.ConnectionString,
    };

    [Fact]
    public async Task A_CSV_of_tickets_is_imported_and_the_summary_printed_and_a_bad_line_exits_1()
    {
        var file = Path.Combine(folder, "tickets.csv");
        await File.WriteAllTextAsync(file, AsCsv([Complaint("T-1", "HX-200"), Complaint("T-2", "HX-200"),
            Complaint("T-3", "HX-200", category: "weather")], ComplaintFields));

        var imported = await HostCommand.RunAsync(folder, Settings, "import", "complaints", file);

        Assert.Equal(1, imported.ExitCode);
        var summary = JsonNode.Parse(imported.Output)!;
        Assert.Equal((2, 0, 1, "4 category"), Counts(summary));
        await using var db = store.Open();
        Assert.Equal(2, await db.Complaints.CountAsync());
        var stored = await db.History.AsNoTracking().SingleAsync(h => h.Kind == HistoryKinds.ComplaintsImported);
        var data = (ComplaintsImported)HistoryData.Read(stored.Kind, stored.Data)!;
        Assert.Equal(("system:cli", "cli", "tickets.csv"), (stored.Actor, data.Source, data.File));

        await File.WriteAllTextAsync(file, AsCsv([Complaint("T-1", "HX-200"), Complaint("T-2", "HX-200")], ComplaintFields));
        var again = await HostCommand.RunAsync(folder, Settings, "import", "complaints", file);
        Assert.Equal((0, """{"accepted":0,"duplicates":2,"rejected":0,"errors":[]}""" + "\n"), (again.ExitCode, again.Output));
    }

    [Fact]
    public async Task Units_sold_from_NDJSON_and_a_file_of_no_known_format_is_refused()
    {
        var file = Path.Combine(folder, "sales.ndjson");
        await File.WriteAllTextAsync(file, """{"product":"HX-200","region":"Michigan","month":"2026-01","unitsSold":9000}""" + "\n");

        var imported = await HostCommand.RunAsync(folder, Settings, "import", "exposure", file);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal("""{"accepted":1,"duplicates":0,"rejected":0,"errors":[],"replaced":0}""" + "\n", imported.Output);

        var unknown = await HostCommand.RunAsync(folder, Settings, "import", "exposure", Path.Combine(folder, "sales.xlsx"));
        Assert.Equal((1, ""), (unknown.ExitCode, unknown.Output));
        Assert.Contains("is not .csv, .ndjson, .jsonl or .json", unknown.Error);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
