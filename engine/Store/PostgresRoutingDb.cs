using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Routing.Engine.Store;

internal sealed class PostgresRoutingDb(DbContextOptions<PostgresRoutingDb> options) : RoutingDb(options);

/// Lets `dotnet ef migrations add` build the PostgreSQL model without a server.
internal sealed class PostgresRoutingDbDesignFactory : IDesignTimeDbContextFactory<PostgresRoutingDb>
{
    public PostgresRoutingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRoutingDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
