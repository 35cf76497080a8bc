using Microsoft.EntityFrameworkCore.Migrations;
using Routing.Engine.Store;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HistoryAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Kept in its own migration: a SQLite table rebuild in a later migration would drop the triggers with the table.
            migrationBuilder.Sql(HistoryTriggers.Postgres);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(HistoryTriggers.DropPostgres);

        }
    }
}
