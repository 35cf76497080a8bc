using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Store;

namespace Routing.Engine.Access;

/// Creates, finds and revokes API keys; every change lands in history.
internal sealed class ApiKeyService(RoutingDb db, HistoryJournal journal, IDepartmentDirectory directory, TimeProvider clock)
{
    public sealed record Created(Guid Id, string Key);

    /// Creating a key, the one operation behind the API, the console and the CLI: the request
    /// checked (KeyRequest), then the key; or every error by field.
    public async Task<(Created? Created, Dictionary<string, string[]> Errors)> TryCreateAsync(KeyRequest request, string actor, CancellationToken ct)
    {
        request = request with { Name = request.Name?.Trim(), Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim() };
        var errors = request.Problems(directory);
        if (!errors.ContainsKey("name") && await NameTakenAsync(request.Name!, ct)) errors["name"] = [KeyRequest.NameTaken];
        if (errors.Count > 0) return (null, errors);
        if (await CreateAsync(request.Name!, request.Role!, request.Departments, actor, ct, email: request.Email) is { } created) return (created, errors);
        errors["name"] = [KeyRequest.NameTaken];
        return (null, errors);
    }

    /// The new key, unchecked (the service's own keys; people's go through TryCreateAsync); null
    /// when another key has the name (checked by the store, so two admins creating one name at
    /// once get one key).
    public async Task<Created?> CreateAsync(string name, string role, IReadOnlyList<string> departments, string actor,
        CancellationToken ct, string? key = null, string? email = null)
    {
        key ??= ApiKeySecrets.New();
        var apiKey = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Role = role,
            Departments = [.. departments],
            Hash = ApiKeySecrets.Hash(key),
            // Not in the history below: an address is personal data, and history cannot be erased.
            Email = email,
            CreatedAt = clock.Now(),
            CreatedBy = actor,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiKeys.Add(apiKey);
        await journal.AppendAsync([new(actor, new KeyCreated(apiKey.Id, apiKey.Name, apiKey.Role, apiKey.Departments))], ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another key took the name since the caller checked it: the unique index decides.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await NameTakenAsync(name, ct)) return null;
            throw;
        }
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

    /// Revoking a key, the one operation behind the API, the console and the CLI. The last live
    /// admin key is never revoked, even by two admins revoking the last two at once.
    public async Task<Revocation> RevokeAsync(Guid id, string actor, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryRevokeAsync(id, actor, ct);
            }
            catch (Exception e) when (attempt < 5 && IsSerializationFailure(e))
            {
                // PostgreSQL refused one of two revokes that each counted the other's key as live;
                // asked again, this one sees the other's revoke.
                db.ChangeTracker.Clear();
            }
        }
    }

    async Task<Revocation> TryRevokeAsync(Guid id, string actor, CancellationToken ct)
    {
        // Serializable, so the count of live admin keys holds until commit: PostgreSQL fails one of
        // two transactions that read what the other writes; SQLite takes its write lock at BEGIN.
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, ct);
        if (key is null) return new Revocation.NoSuchLiveKey();
        if (key.Role == Roles.Admin && !await db.ApiKeys.AnyAsync(k => k.Role == Roles.Admin && k.RevokedAt == null && k.Id != id, ct))
            return new Revocation.LastAdminKey(key.Name);
        key.RevokedAt = clock.Now();
        // Its console sessions already fail (they join on the live key); ending them says so in the store too.
        await db.Sessions.Where(s => s.KeyId == id && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, key.RevokedAt), ct);
        await journal.AppendAsync([new(actor, new KeyRevoked(key.Id, key.Name, key.Role))], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Revocation.Revoked(key.Name);
    }

    // SQLSTATE 40001, serialization_failure (PostgreSQL's SSI); SQLite never raises it.
    static bool IsSerializationFailure(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            if (inner is DbException { SqlState: "40001" }) return true;
        return false;
    }

    /// Makes `key` an admin key (for automation) if no key has had its value. A revoked one
    /// stays revoked: an admin revoked it on purpose, and only a new value makes a new key.
    /// Returns false when the key with this value is revoked.
    public async Task<bool> EnsureAdminAsync(string key, CancellationToken ct)
    {
        var hash = ApiKeySecrets.Hash(key);
        var existing = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, ct);
        if (existing is null)
        {
            try
            {
                await CreateAsync(await FreeNameAsync("bootstrap-admin", ct), Roles.Admin, [], "system:bootstrap", ct, key);
            }
            catch (DbUpdateException)
            {
                // Hosts starting at once on a new store: another one stored this key first (a test saw a host
                // stop at its start here).
                if (!await db.ApiKeys.AnyAsync(k => k.Hash == hash, ct)) throw;
            }
        }
        return existing?.RevokedAt is null;
    }

    /// Whether a key (live or revoked) already has this name, ignoring case: names say who acted in history.
    public Task<bool> NameTakenAsync(string name, CancellationToken ct)
    {
        var lower = name.ToLowerInvariant();
        return db.ApiKeys.AnyAsync(k => k.Name.ToLower() == lower, ct);
    }

    /// `name`, or `name (2)`, `name (3)`…, whichever no key has yet (for the keys the service makes itself).
    public async Task<string> FreeNameAsync(string name, CancellationToken ct)
    {
        var candidate = name;
        for (var n = 2; await NameTakenAsync(candidate, ct); n++) candidate = $"{name} ({n})";
        return candidate;
    }

    public Task<bool> AnyAsync(CancellationToken ct) => db.ApiKeys.AnyAsync(ct);

    public Task<List<ApiKey>> ListAsync(CancellationToken ct) => db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(ct);

    public Task RecordFailedAuthenticationAsync(string client, string reason, CancellationToken ct) =>
        RecordAsync(new("anonymous", new AuthenticationFailed(client, reason)), ct);

    /// Failed authentications from `client` refused (429) beyond the limit, in one event.
    public Task RecordThrottledAsync(string client, int refused, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        RecordAsync(new("anonymous", new AuthenticationThrottled(client, refused, from, to)), ct);

    async Task RecordAsync(HistoryEntry entry, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await journal.AppendAsync([entry], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
