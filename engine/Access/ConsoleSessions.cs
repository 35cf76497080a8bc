using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Store;

namespace Routing.Engine.Access;

/// Console sign-ins: a random token for the browser's cookie, and server-side state that
/// signing out, idleness, the session's lifetime and revoking its key all end.
internal sealed class ConsoleSessions(RoutingDb db, HistoryJournal journal, ActingKey acting, TimeProvider clock, IOptions<ConsoleSessionOptions> options)
{
    public const string TokenPrefix = "rs_";

    /// Starts a session for `key` and returns its token (for the cookie only; never stored).
    public async Task<string> StartAsync(ApiKey key, string client, CancellationToken ct)
    {
        var token = ApiKeySecrets.New(TokenPrefix);
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Sessions.Add(new ConsoleSession { Id = ApiKeySecrets.Hash(token), KeyId = key.Id, CreatedAt = now, LastSeenAt = now });
        acting.Is(key);
        await journal.AppendAsync([new(key.Name, new SessionStarted(client))], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return token;
    }

    /// The live key behind a session token; null when the session is unknown, signed out, idle
    /// too long, past its lifetime, or its key is revoked (one indexed lookup and join).
    public async Task<ApiKey?> FindAsync(string token, CancellationToken ct)
    {
        if (token.Length > 200) return null;
        var id = ApiKeySecrets.Hash(token);
        var now = clock.Now();
        var (idleSince, bornSince) = (now - options.Value.IdleTimeout, now - options.Value.Lifetime);
        var found = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == id && s.EndedAt == null && s.LastSeenAt > idleSince && s.CreatedAt > bornSince)
            .Join(db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null), s => s.KeyId, k => k.Id, (s, k) => new { s.LastSeenAt, Key = k })
            .FirstOrDefaultAsync(ct);
        if (found is null) return null;
        if (now - found.LastSeenAt >= ConsoleSessionOptions.SeenEvery)
            await db.Sessions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        return found.Key;
    }

    /// Signs the session out (if it is still open); the token never works again.
    public async Task EndAsync(string token, CancellationToken ct)
    {
        if (token.Length > 200) return;
        var id = ApiKeySecrets.Hash(token);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == id && s.EndedAt == null, ct);
        if (session is null) return;
        session.EndedAt = clock.Now();
        var key = await db.ApiKeys.AsNoTracking().FirstAsync(k => k.Id == session.KeyId, ct);
        acting.Is(key);
        await journal.AppendAsync([new(key.Name, new SessionEnded("signed out"))], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
