using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Routing.Engine.Complaints;
using Routing.Engine.Exposure;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Imports;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Imports;

/// An import cut off half-way (the connection dropped, the caller cancelled) stored its whole
/// batches: the history says so, with their counts and why it stopped, so that whoever reads it
/// knows the file is not all in and a retry is due.
public abstract class CutOffImportTests(RoutingFixture fixture)
{
    /// The lines of a file; after `cutAfter` of them the reading stops as `cut` says.
    static async IAsyncEnumerable<ImportRow> Lines(Func<int, Dictionary<string, string?>> line, int cutAfter, Func<Task> cut,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 1; ; i++)
        {
            if (i == cutAfter + 1) await cut();
            ct.ThrowIfCancellationRequested();
            yield return new ImportRow(i, line(i));
        }
    }

    static Dictionary<string, string?> Ticket(string product, int i) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = $"{product}-{i}", ["receivedAt"] = "2026-11-02T08:15:00Z", ["product"] = product, ["category"] = "quality",
    };

    static Dictionary<string, string?> Sales(string product, int i) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["product"] = product, ["region"] = $"Region {i % 100}", ["month"] = $"{2000 + i / 1200}-{i / 100 % 12 + 1:00}", ["unitsSold"] = "40",
    };

    Task<T> WithImportAsync<T>(Func<IServiceProvider, Task<T>> run) => Task.Run(async () =>
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    });

    /// What this test's import adds to routing.complaints.imported (accepted): the meter is the
    /// process's, so only the measurements made in this test's flow (an AsyncLocal) count.
    sealed class AcceptedComplaints : IDisposable
    {
        static readonly AsyncLocal<AcceptedComplaints?> Current = new();
        readonly System.Diagnostics.Metrics.MeterListener listener = new();
        long accepted;

        public AcceptedComplaints()
        {
            Current.Value = this;
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Routing.Engine.Telemetry.RoutingTelemetry.Name && instrument.Name == "routing.complaints.imported")
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag is { Key: "outcome", Value: "accepted" } && Current.Value == this) Interlocked.Add(ref accepted, value);
            });
            listener.Start();
        }

        public long Accepted => Interlocked.Read(ref accepted);

        public void Dispose() => listener.Dispose();
    }

    Task<int> StoredAsync(string product) => fixture.WithStoreAsync(db => db.Complaints.CountAsync(c => c.Product == product));

    [Fact]
    public async Task A_dropped_connection_leaves_an_event_with_the_stored_batches_and_why_it_stopped()
    {
        var product = $"cut-{Guid.NewGuid():N}";
        var rows = Lines(i => Ticket(product, i), ComplaintImport.BatchSize + 10, () => throw new IOException("The connection dropped."));
        using var metric = new AcceptedComplaints();

        await Assert.ThrowsAsync<IOException>(() => WithImportAsync(services =>
            services.GetRequiredService<ComplaintImport>().ImportAsync(rows, "csm-ana", ImportSource.Cli("tickets.csv"), CancellationToken.None)));

        Assert.Equal(ComplaintImport.BatchSize, await StoredAsync(product));
        // routing_complaints_imported_total counts them too.
        Assert.Equal(ComplaintImport.BatchSize, metric.Accepted);
        var imported = await fixture.LatestEventAsync<ComplaintsImported>(HistoryKinds.ComplaintsImported);
        Assert.Equal((ComplaintImport.BatchSize, 0L, 0L, "the connection dropped"), (imported.Accepted, imported.Duplicates, imported.Rejected, imported.CutOff));
        Assert.Equal($"{ComplaintImport.BatchSize} complaints imported (0 already stored, 0 rejected) from tickets.csv; cut off before the end " +
                     "(the connection dropped): a retry of the same file completes it", imported.Summary());
    }

    [Fact]
    public async Task A_cancelled_import_still_writes_its_event_after_the_first_batch()
    {
        var product = $"cut-{Guid.NewGuid():N}";
        using var cancel = new CancellationTokenSource();
        // Cancelled once the first batch is stored, as a caller hanging up then would.
        var rows = Lines(i => Ticket(product, i), ComplaintImport.BatchSize + 10, async () =>
        {
            await Eventually.HoldsAsync(async () => await StoredAsync(product) == ComplaintImport.BatchSize, TimeSpan.FromSeconds(30), "the first batch stored");
            await cancel.CancelAsync();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WithImportAsync(services =>
            services.GetRequiredService<ComplaintImport>().ImportAsync(rows, "csm-ana", ImportSource.Api, cancel.Token)));

        var imported = await fixture.LatestEventAsync<ComplaintsImported>(HistoryKinds.ComplaintsImported);
        Assert.Equal((ComplaintImport.BatchSize, "cancelled"), (imported.Accepted, imported.CutOff));
        Assert.Equal(ComplaintImport.BatchSize, await StoredAsync(product));
    }

    [Fact]
    public async Task A_cut_off_import_of_units_sold_says_so_too()
    {
        var product = $"cut-{Guid.NewGuid():N}";
        var rows = Lines(i => Sales(product, i), ExposureImport.BatchSize + 10, () => throw new IOException("The connection dropped."));

        await Assert.ThrowsAsync<IOException>(() => WithImportAsync(services =>
            services.GetRequiredService<ExposureImport>().ImportAsync(rows, "csm-ana", ImportSource.Api, CancellationToken.None)));

        var imported = await fixture.LatestEventAsync<ExposureImported>(HistoryKinds.ExposureImported);
        Assert.Equal((ExposureImport.BatchSize, "the connection dropped"), (imported.Accepted, imported.CutOff));
        Assert.Equal(ExposureImport.BatchSize, await fixture.WithStoreAsync(db => db.Exposure.CountAsync(s => s.Product == product)));
    }
}

public sealed class CutOffImportOnSqlite(SqliteFixture fixture) : CutOffImportTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CutOffImportOnPostgres(PostgresFixture fixture) : CutOffImportTests(fixture), IClassFixture<PostgresFixture>;
