using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Routing.Engine.Store;

internal sealed class SqliteRoutingDb(DbContextOptions<SqliteRoutingDb> options) : RoutingDb(options);

/// Lets `dotnet ef migrations add` build the SQLite model without starting the host.
internal sealed class SqliteRoutingDbDesignFactory : IDesignTimeDbContextFactory<SqliteRoutingDb>
{
    public SqliteRoutingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRoutingDb>().UseSqlite("Data Source=design.db").Options);
}
