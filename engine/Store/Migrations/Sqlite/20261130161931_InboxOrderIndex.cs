using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "InboxDueAt",
                table: "work_items",
                type: "INTEGER",
                nullable: true,
                computedColumnSql: "CASE \"Stage\" WHEN 'Final' THEN NULL WHEN 'Acknowledgement' THEN \"AckDueAt\" WHEN 'Resolution' THEN \"ResolveDueAt\" ELSE 6462216142847997952 END",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_work_items_inbox",
                table: "work_items",
                columns: new[] { "Department", "Priority", "InboxDueAt", "CreatedAt", "Id" },
                filter: "\"InboxDueAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_items_inbox",
                table: "work_items");

            // SQLite drops the column in place (EF would rebuild the table, which the other tables' triggers on it forbid).
            migrationBuilder.Sql("ALTER TABLE work_items DROP COLUMN \"InboxDueAt\"");
        }
    }
}
