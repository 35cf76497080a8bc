using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Rulesets;
using Routing.Engine.Store;

namespace Routing.Rules.Rulesets;

/// On start: the shipped rules become version 1 if the store has none, then the active
/// version is compiled. A rule that does not compile stops the start, naming the rule.
internal sealed class RulesetStartup(
    IServiceScopeFactory scopes,
    ActiveRuleset active,
    IOptions<RulesOptions> options,
    TimeProvider clock,
    ILogger<RulesetStartup> log) : IHostedService
{
    const string Seeder = "system:seed";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDb>();
        if (!await db.Rulesets.AnyAsync(ct))
            await SeedShippedRulesAsync(db, scope.ServiceProvider.GetRequiredService<HistoryJournal>(), ct);

        await active.RefreshAsync(db, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// A file of the folder as the ruleset stores it (its array), null when there is none.
    static async Task<string?> ReadAsync(string folder, RulesFile file, CancellationToken ct)
    {
        var path = Path.Combine(folder, file.FileName);
        return File.Exists(path) ? file.ReadOrThrow(await File.ReadAllTextAsync(path, ct), path) : null;
    }

    async Task SeedShippedRulesAsync(RoutingDb db, HistoryJournal journal, CancellationToken ct)
    {
        var folder = options.Value.FullFolder;
        log.LogInformation("Storing the shipped rules from {Folder} as ruleset v1", folder);
        var now = clock.Now();
        var version = new RulesetVersion
        {
            Version = 1,
            WorkflowsJson = await ReadAsync(folder, RulesFile.Workflows, ct) ?? throw new FileNotFoundException($"{folder} has no {RulesOptions.WorkflowsFile}."),
            DepartmentsJson = await ReadAsync(folder, RulesFile.Departments, ct) ?? throw new FileNotFoundException($"{folder} has no {RulesOptions.DepartmentsFile}."),
            // A rules folder without lifecycles (one written before they were data): the standard one alone.
            LifecyclesJson = await ReadAsync(folder, RulesFile.Lifecycles, ct),
            // Likewise without calendars: none.
            CalendarsJson = await ReadAsync(folder, RulesFile.Calendars, ct),
            CreatedAt = now,
            CreatedBy = Seeder,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Rulesets.Add(version);
        db.Publications.Add(new RulesetPublication { Version = 1, PublishedAt = now, PublishedBy = Seeder });
        await journal.AppendAsync([new(Seeder, new RulesetPublished(version.Version, Source: folder))], ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Several hosts starting on a new database at once: one of them stores the rules.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (!await db.Rulesets.AnyAsync(ct)) throw;
            log.LogInformation("Another host stored the shipped rules first");
        }
    }
}
