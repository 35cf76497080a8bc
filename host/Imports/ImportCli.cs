using System.CommandLine;
using System.Text.Json;
using Routing.Engine.Complaints;
using Routing.Engine.Exposure;
using Routing.Engine.Imports;
using Routing.Host.Cli;

namespace Routing.Host.Imports;

/// `import complaints FILE` and `import exposure FILE`: the API's imports from a file (CSV,
/// NDJSON or a JSON array, by its extension), on the store, whether the host runs or not. A
/// progress line on stderr every 100 000 lines; the summary as the API answers it on stdout;
/// exit code 1 when a line was rejected or the file cannot be read.
internal static class ImportCli
{
    const string Actor = "system:cli";

    delegate Task<ImportSummary?> Import(IServiceProvider services, IAsyncEnumerable<ImportRow> rows, ImportSource source,
        IProgress<ImportProgress> progress, CancellationToken ct);

    public static Command Command()
    {
        var import = new Command("import", "Imports complaints or units sold from a file (CSV with a header row, NDJSON, or a JSON array).")
        {
            Verb("complaints", "Imports complaints: id, receivedAt, product, category, and optionally region, ageGroup, accessibility, " +
                               "channel, vendor, depot, summary.",
                (services, rows, source, progress, ct) => services.GetRequiredService<ComplaintImport>().ImportAsync(rows, Actor, source, ct, progress)),
            Verb("exposure", "Imports units sold: product, region, month (YYYY-MM), unitsSold; a month already stored takes the new value.",
                (services, rows, source, progress, ct) => services.GetRequiredService<ExposureImport>().ImportAsync(rows, Actor, source, ct, progress)),
        };
        RoutingCli.ShowsHelpAlone(import);
        return import;
    }

    static Command Verb(string name, string description, Import import)
    {
        var file = new Argument<string>("file") { Description = "The file: .csv, .ndjson (or .jsonl) or .json (an array)." };
        var verb = new Command(name, description) { file };
        verb.SetAction(async (parsed, ct) =>
        {
            var (path, output, error) = (parsed.GetValue(file)!, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
            if (ImportFormat.OfFile(path) is not { } format)
                return await RoutingCli.FailAsync(error, $"import {name}: {path} is not .csv, .ndjson, .jsonl or .json.", 1);
            if (!File.Exists(path)) return await RoutingCli.FailAsync(error, $"import {name}: {path} does not exist.", 1);

            await using var store = await CliStore.OpenAsync(parsed, ct);
            await using var scope = store.Services.CreateAsyncScope();
            await using var stream = File.OpenRead(path);
            var progress = new Progress(error);
            var summary = await import(scope.ServiceProvider, format.Read(stream, ct), ImportSource.Cli(path), progress, ct);
            if (summary is null) return await RoutingCli.FailAsync(error, $"import {name}: {path} has no lines.", 1);
            await output.WriteLineAsync(JsonSerializer.Serialize(summary, JsonBody.Options));
            return summary.Rejected > 0 ? 1 : 0;
        });
        return verb;
    }

    /// Reported on the import's own thread: the line is written before the import goes on.
    sealed class Progress(TextWriter error) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => error.WriteLine(
            $"{value.Lines:N0} lines: {value.Accepted:N0} accepted, {value.Duplicates:N0} duplicates, {value.Rejected:N0} rejected");
    }
}
