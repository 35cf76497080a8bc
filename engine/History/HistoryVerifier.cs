using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.History;

/// Recomputes the hash chain, streaming (never the whole history in memory), and names the
/// first event where it breaks: an edited event, a deleted one (a gap), or a forged link.
internal sealed class HistoryVerifier(RoutingDb db)
{
    /// `Events`: how many sealed events check out (before the break, if any); `Unsealed`: written but not chained yet.
    public sealed record Result(bool Ok, long Events, long? FirstBrokenSequence, long Unsealed);

    public async Task<Result> VerifyAsync(CancellationToken ct)
    {
        var previous = HistoryHash.Genesis;
        long expected = 1;
        long? broken = null;
        await foreach (var e in db.History.AsNoTracking().Where(e => e.ChainIndex != null).OrderBy(e => e.ChainIndex)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.ChainIndex != expected || e.PreviousHash != previous || HistoryHash.Compute(e, previous) != e.Hash)
            {
                broken = e.Sequence;
                break;
            }
            previous = e.Hash!;
            expected++;
        }
        // Counted after the stream is closed: one connection runs one command at a time.
        var unsealed = await db.History.CountAsync(e => e.ChainIndex == null, ct);
        return new Result(broken is null, expected - 1, broken, unsealed);
    }
}
