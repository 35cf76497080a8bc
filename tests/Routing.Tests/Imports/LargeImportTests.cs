using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Imports;

/// A ticket system's export is large: 200 000 complaints (34 MB) in one body, generated as it
/// is sent (never held whole, here or in the host), to the host as it runs (Kestrel, whose body
/// limit is 5 MiB for every other endpoint), stored in batches.
public sealed class LargeImportTests
{
    public const int Lines = 200_000;

    /// NDJSON lines written to the request as they are made.
    sealed class GeneratedTickets(string product, int count, int dropAfter = int.MaxValue) : HttpContent
    {
        static readonly string[] Regions = ["Michigan", "Ohio", "Utah", "Texas"];

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            for (var i = 0; i < count; i++)
            {
                if (i == dropAfter)
                {
                    await writer.FlushAsync();
                    throw new IOException("The connection dropped.");
                }
                await writer.WriteAsync($$"""{"id":"{{product}}-{{i}}","receivedAt":"2026-{{i % 10 + 1:00}}-{{i % 28 + 1:00}}T10:00:00Z","product":"{{product}}","category":"quality","region":"{{Regions[i % 4]}}","channel":"web","summary":"ticket {{i}}"}""" + "\n");
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    [Fact]
    public async Task Two_hundred_thousand_lines_streamed_in_one_body_are_all_stored()
    {
        var product = $"bulk-{Guid.NewGuid():N}";
        var content = new GeneratedTickets(product, Lines);
        content.Headers.ContentType = new("application/x-ndjson");
        await using var store = TestStore.Sqlite();
        await using var host = new HostProcess(store, extra: new Dictionary<string, string>
        {
            ["Logging__LogLevel__Routing.Engine.Complaints"] = "Information",
        });
        await host.StartAsync();
        using var client = host.Client(timeout: TimeSpan.FromMinutes(5));

        using var response = await client.PostAsync("/api/complaints", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((Lines, 0L, 0L), ((long)summary["accepted"]!, (long)summary["duplicates"]!, (long)summary["rejected"]!));
        await using var db = store.Open();
        Assert.Equal(Lines, await db.Complaints.CountAsync(c => c.Product == product));
        Assert.Contains("100000 lines read", host.Output);
    }

    [Fact]
    public async Task A_dropped_connection_leaves_the_batches_written_and_a_retry_of_the_file_completes_it()
    {
        var product = $"bulk-{Guid.NewGuid():N}";
        await using var store = TestStore.Sqlite();
        await using var host = new HostProcess(store);
        await host.StartAsync();
        using var client = host.Client(timeout: TimeSpan.FromMinutes(2));
        await using var db = store.Open();
        Task<int> StoredAsync() => db.Complaints.CountAsync(c => c.Product == product);

        var cut = new GeneratedTickets(product, 12_000, dropAfter: 11_000) { Headers = { ContentType = new("application/x-ndjson") } };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.PostAsync("/api/complaints", cut));
        // Only whole batches (5 000 lines, each its own transaction) are ever stored: how many the host
        // got through before it noticed the drop varies, never a part of one.
        var stored = await StoredAsync();
        Assert.True(stored % 5_000 == 0 && stored < 12_000, $"{stored} stored");

        var whole = new GeneratedTickets(product, 12_000) { Headers = { ContentType = new("application/x-ndjson") } };
        using var retried = await client.PostAsync("/api/complaints", whole);
        var summary = JsonNode.Parse(await retried.Content.ReadAsStringAsync())!;
        Assert.Equal(0L, (long)summary["rejected"]!);
        Assert.Equal(12_000L, (long)summary["accepted"]! + (long)summary["duplicates"]!);
        Assert.Equal(12_000, await StoredAsync());
    }
}
