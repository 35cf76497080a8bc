using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.Store;

namespace Routing.Engine.Access;

/// Creates, finds and revokes API keys; every change lands in history.
internal sealed class ApiKeyService(RoutingDb db, HistoryJournal journal, TimeProvider clock)
{
    public sealed record Created(Guid Id, string Key);

    public async Task<Created> CreateAsync(string name, string role, IReadOnlyList<string> departments, string actor,
        CancellationToken ct, string? key = null)
    {
        key ??= ApiKeySecrets.New();
        var apiKey = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Role = role,
            Departments = [.. departments],
            Hash = ApiKeySecrets.Hash(key),
            CreatedAt = clock.Now(),
            CreatedBy = actor,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiKeys.Add(apiKey);
        await journal.AppendAsync([new(HistoryKinds.KeyCreated, actor, new { apiKey.Id, apiKey.Name, apiKey.Role, apiKey.Departments })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Created(apiKey.Id, key);
    }

    /// The live key with this secret, or null. The lookup is by the key's SHA-256 (an index):
    /// an attacker timing it learns about hashes of their guesses, never about stored keys.
    /// Anything longer than a key could be is not one, and is not worth hashing.
    public Task<ApiKey?> FindAsync(string key, CancellationToken ct)
    {
        if (key.Length > 200) return Task.FromResult<ApiKey?>(null);
        var hash = ApiKeySecrets.Hash(key);
        return db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
    }

    public async Task<bool> RevokeAsync(Guid id, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, ct);
        if (key is null) return false;
        key.RevokedAt = clock.Now();
        await journal.AppendAsync([new(HistoryKinds.KeyRevoked, actor, new { key.Id, key.Name, key.Role })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// Makes `key` a live admin key (for automation): creates it, or un-revokes it.
    public async Task EnsureAdminAsync(string key, CancellationToken ct)
    {
        var hash = ApiKeySecrets.Hash(key);
        var existing = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash, ct);
        if (existing is null)
            await CreateAsync("bootstrap-admin", Roles.Admin, [], "system:bootstrap", ct, key);
        else if (existing.RevokedAt is not null || existing.Role != Roles.Admin)
        {
            existing.RevokedAt = null;
            existing.Role = Roles.Admin;
            await db.SaveChangesAsync(ct);
        }
    }

    public Task<bool> AnyAsync(CancellationToken ct) => db.ApiKeys.AnyAsync(ct);

    public Task<List<ApiKey>> ListAsync(CancellationToken ct) => db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(ct);

    public async Task RecordFailedAuthenticationAsync(string client, string reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await journal.AppendAsync([new(HistoryKinds.AuthenticationFailed, "anonymous", new { Client = client, Reason = reason })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
