using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.History;

/// Recomputes the hash chain, streaming (never the whole history in memory), and names the
/// first event where it breaks: an edited event, a deleted one (a gap), or a forged link.
internal sealed class HistoryVerifier(RoutingDb db)
{
    /// Events whose hashes are recomputed together, on another core while the next ones are read.
    const int BatchSize = 4_096;

    /// `Events`: how many sealed events check out (before the break, if any); `Unsealed`: written but not chained yet.
    public sealed record Result(bool Ok, long Events, long? FirstBrokenSequence, long Unsealed);

    public async Task<Result> VerifyAsync(CancellationToken ct)
    {
        var previous = HistoryHash.Genesis;
        long expected = 1;
        HistoryEvent? unlinked = null, edited = null;
        var batch = new List<HistoryEvent>(BatchSize);
        var hashing = Task.FromResult<HistoryEvent?>(null);
        await foreach (var e in db.History.AsNoTracking().Where(e => e.ChainIndex != null).OrderBy(e => e.ChainIndex)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            // Each event names its place and its predecessor's hash; whether its own hash is its content's is
            // checked a batch at a time, so an event's hash may be recomputed after later events were read.
            if (e.ChainIndex != expected || e.PreviousHash != previous)
            {
                unlinked = e;
                break;
            }
            previous = e.Hash!;
            expected++;
            batch.Add(e);
            if (batch.Count < BatchSize) continue;
            if ((edited = await hashing) is not null) break;
            var full = batch;
            hashing = Task.Run(() => FirstEdited(full), ct);
            batch = new List<HistoryEvent>(BatchSize);
        }
        // The batches come before the event that broke the links, the one hashed before the one still filling.
        edited ??= await hashing ?? FirstEdited(batch);
        var broken = edited ?? unlinked;
        var events = edited is null ? expected - 1 : edited.ChainIndex!.Value - 1;
        // Counted after the stream is closed: one connection runs one command at a time.
        var unsealed = await db.History.CountAsync(e => e.ChainIndex == null, ct);
        return new Result(broken is null, events, broken?.Sequence, unsealed);
    }

    /// The first event of the batch whose hash is not its content's. Break runs every iteration
    /// below the one that calls it, so the lowest that broke is the first edited.
    static HistoryEvent? FirstEdited(List<HistoryEvent> events) =>
        Parallel.For(0, events.Count, (i, loop) =>
        {
            if (HistoryHash.Compute(events[i], events[i].PreviousHash!) != events[i].Hash) loop.Break();
        }).LowestBreakIteration is { } first ? events[(int)first] : null;
}
