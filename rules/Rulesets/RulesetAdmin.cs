using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Notifications;
using Routing.Engine.Rulesets;
using Routing.Engine.Store;

namespace Routing.Rules.Rulesets;

/// Drafts, publishes (and so rolls back), lists and compares ruleset versions. Nothing
/// invalid is ever stored, and every change lands in history with its diff.
internal sealed class RulesetAdmin(
    RoutingDb db, HistoryJournal journal, ActiveRuleset active, WebhookAddressPolicy webhooks, TimeProvider clock, ILogger<RulesetAdmin> log,
    RulesetCache cache, DueTimesRecompute dueTimes)
{
    /// Validates and stores a draft: its new version number, or every error found. Secrets
    /// left as their fingerprints (as GetAsync shows them) keep their stored values. A draft that
    /// sends no lifecycles (or no calendars) keeps the active version's.
    public async Task<(int? Version, IReadOnlyList<RuleError> Errors)> DraftAsync(
        string workflowsJson, string departmentsJson, string? lifecyclesJson, string actor, CancellationToken ct, string? calendarsJson = null)
    {
        (departmentsJson, var unknown) = await SecretPlaceholders.RestoreAsync(departmentsJson, db, active.Current.Version, ct);
        if (unknown.Count > 0) return (null, unknown);
        if (lifecyclesJson is null || calendarsJson is null)
        {
            var kept = await db.Rulesets.AsNoTracking().Where(r => r.Version == active.Current.Version)
                .Select(r => new { r.LifecyclesJson, r.CalendarsJson }).FirstAsync(ct);
            lifecyclesJson ??= kept.LifecyclesJson;
            calendarsJson ??= kept.CalendarsJson;
        }
        var (_, errors) = await RulesetCompiler.CompileAsync(0, workflowsJson, departmentsJson, webhooks,
            lifecyclesJson: lifecyclesJson, calendarsJson: calendarsJson);
        if (errors.Count > 0) return (null, errors);

        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var draft = new RulesetVersion
            {
                Version = await db.Rulesets.MaxAsync(r => (int?)r.Version, ct) + 1 ?? 1,
                WorkflowsJson = workflowsJson,
                DepartmentsJson = departmentsJson,
                LifecyclesJson = lifecyclesJson ?? ShippedLifecycles.StandardOnlyJson,
                CalendarsJson = calendarsJson,
                CreatedAt = clock.Now(),
                CreatedBy = actor,
            };
            db.Rulesets.Add(draft);
            var diff = RulesetDiff.Between(draft, await db.Rulesets.AsNoTracking().FirstAsync(r => r.Version == active.Current.Version, ct));
            await journal.AppendAsync([new(actor, new RulesetDrafted(draft.Version, HistoryData.ToElement(diff)))], ct);
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                log.LogInformation("Ruleset v{Version} drafted by {Actor}", draft.Version, actor);
                return (draft.Version, []);
            }
            catch (DbUpdateException) when (attempt < 10)
            {
                // Another draft took this version number meanwhile.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// Makes a stored version the active one on every host; null when there is no such version.
    /// The open items whose department's calendar it changes have their due times counted again
    /// on the new calendar in the same transaction (DueTimesRecompute).
    public async Task<Published?> PublishAsync(int version, string actor, CancellationToken ct)
    {
        // Compiled before the transaction: it takes a while, and every host needs it anyway.
        if (await cache.GetAsync(version) is not { } compiled) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var target = await db.Rulesets.AsNoTracking().FirstAsync(r => r.Version == version, ct);
        var previous = await LatestPublicationAsync(ct);
        var rollback = version < previous;
        var now = clock.Now();
        db.Publications.Add(new RulesetPublication { Version = version, PublishedAt = now, PublishedBy = actor });
        var diff = RulesetDiff.Between(target, await db.Rulesets.AsNoTracking().FirstAsync(r => r.Version == previous, ct));
        var diffJson = HistoryData.ToElement(diff);
        await journal.AppendAsync(
            [new(actor, rollback ? new RulesetRolledBack(version, previous, diffJson) : new RulesetPublished(version, previous, diffJson))], ct);
        await db.SaveChangesAsync(ct);
        var from = await cache.GetAsync(previous) ?? throw new InvalidOperationException($"Ruleset v{previous} is missing.");
        var moved = await dueTimes.ApplyAsync(from, compiled, actor, now, ct);
        await tx.CommitAsync(ct);

        await active.RefreshAsync(db, ct);
        log.LogInformation("Ruleset v{Version} published by {Actor} (was v{Previous}); due times moved for {Moved} open item(s)",
            version, actor, previous, moved);
        return new Published(version, previous, rollback, moved);
    }

    /// A stored version with every secret shown as its fingerprint.
    public async Task<RulesetDetails?> GetAsync(int? version, CancellationToken ct)
    {
        var activeVersion = await LatestPublicationAsync(ct);
        var v = version ?? activeVersion;
        var stored = await db.Rulesets.AsNoTracking().FirstOrDefaultAsync(r => r.Version == v, ct);
        if (stored is null) return null;
        var published = await db.Publications.AsNoTracking().Where(p => p.Version == v)
            .OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        return new RulesetDetails(v, v == activeVersion, stored.CreatedAt, stored.CreatedBy,
            published?.PublishedAt, published?.PublishedBy,
            JsonDocument.Parse(stored.WorkflowsJson).RootElement, JsonDocument.Parse(SecretFields.Redact(stored.DepartmentsJson)).RootElement,
            JsonDocument.Parse(stored.LifecyclesJson ?? ShippedLifecycles.StandardOnlyJson).RootElement,
            JsonDocument.Parse(stored.CalendarsJson ?? "[]").RootElement);
    }

    public async Task<IReadOnlyList<RulesetSummary>> ListAsync(CancellationToken ct)
    {
        var activeVersion = await LatestPublicationAsync(ct);
        var versions = await db.Rulesets.AsNoTracking().OrderBy(r => r.Version)
            .Select(r => new { r.Version, r.CreatedAt, r.CreatedBy }).ToListAsync(ct);
        var publications = (await db.Publications.AsNoTracking().ToListAsync(ct))
            .GroupBy(p => p.Version)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Id).First());
        return [.. versions.Select(r => new RulesetSummary(r.Version, r.Version == activeVersion, r.CreatedAt, r.CreatedBy,
            publications.GetValueOrDefault(r.Version)?.PublishedAt, publications.GetValueOrDefault(r.Version)?.PublishedBy))];
    }

    /// The difference from `against` (default: the active version) to `version`; null when either
    /// is missing. Against the active version it says too how publishing would move open items' due times.
    public async Task<RulesetDiff?> DiffAsync(int version, int? against, CancellationToken ct)
    {
        var activeVersion = await LatestPublicationAsync(ct);
        var other = against ?? activeVersion;
        var pair = await db.Rulesets.AsNoTracking().Where(r => r.Version == version || r.Version == other).ToListAsync(ct);
        var a = pair.FirstOrDefault(r => r.Version == version);
        var b = pair.FirstOrDefault(r => r.Version == other);
        if (a is null || b is null) return null;
        var diff = RulesetDiff.Between(a, b);
        if (other != activeVersion) return diff;
        var (from, to) = (await cache.GetAsync(other), await cache.GetAsync(version));
        return diff with { DueTimes = await dueTimes.PreviewAsync(from!, to!, clock.Now(), ct) };
    }

    Task<int> LatestPublicationAsync(CancellationToken ct) => db.Publications.AsNoTracking()
        .OrderByDescending(p => p.Id).Select(p => p.Version).FirstAsync(ct);
}
