using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Routing.Engine.Access;
using Routing.Engine.Store;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Access;

/// Upgrading a store whose keys break the naming rules (made before the rules) renames them
/// instead of failing, and then the store itself refuses a duplicate name.
public sealed class KeyNameMigrationTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Duplicate_and_system_names_are_renamed_on_upgrade(string provider)
    {
        await using var store = provider == "Sqlite" ? TestStore.Sqlite() : TestStore.Postgres();
        await using (var db = store.Open())
        {
            await db.GetService<IMigrator>().MigrateAsync("TimerClaimCheck");
            var at = RoutingFixture.Start;
            // Written as the store then was: today's model has columns added since (a key's e-mail).
            foreach (var (name, minutes) in new[] { ("system:timer", 0), ("ops", 1), ("OPS", 2), ("ops", 3), ("anonymous", 4) })
            {
                var (id, hash, created) = (Guid.CreateVersion7(), Guid.NewGuid().ToString("N"), at.AddMinutes(minutes));
                await (provider == "Sqlite"
                    ? db.Database.ExecuteSqlAsync($"""
                        INSERT INTO api_keys ("Id", "Name", "Role", "Hash", "CreatedAt", "CreatedBy", "Departments")
                        VALUES ({SqliteValues.Of(id)}, {name}, 'csm', {hash}, {SqliteValues.Of(created)}, 'test', '[]')
                        """)
                    : db.Database.ExecuteSqlAsync($"""
                        INSERT INTO api_keys ("Id", "Name", "Role", "Hash", "CreatedAt", "CreatedBy", "Departments")
                        VALUES ({id}, {name}, 'csm', {hash}, {created}, 'test', {Array.Empty<string>()})
                        """));
            }
            await db.Database.MigrateAsync();
        }

        await using (var db = store.Open())
        {
            var names = await db.ApiKeys.OrderBy(k => k.CreatedAt).Select(k => new { k.Id, k.Name }).ToListAsync();
            Assert.Equal(["renamed:system:timer", "ops", $"OPS ({names[2].Id})", $"ops ({names[3].Id})", "renamed:anonymous"],
                names.Select(n => n.Name), StringComparer.OrdinalIgnoreCase); // SQLite spells a Guid in capitals
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), Name = "Ops", Role = "csm", Hash = "x", CreatedAt = RoutingFixture.Start, CreatedBy = "test" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }
}
