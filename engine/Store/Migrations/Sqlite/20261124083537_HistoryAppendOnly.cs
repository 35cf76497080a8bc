using Microsoft.EntityFrameworkCore.Migrations;
using Routing.Engine.Store;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HistoryAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Kept in its own migration: a SQLite table rebuild in a later migration would drop the triggers with the table.
            migrationBuilder.Sql(HistoryTriggers.SqliteSealedIsFinal);
            migrationBuilder.Sql(HistoryTriggers.SqliteNoDelete);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER history_sealed_is_final; DROP TRIGGER history_no_delete;");

        }
    }
}
