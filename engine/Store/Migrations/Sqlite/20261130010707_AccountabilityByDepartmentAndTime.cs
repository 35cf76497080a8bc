using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountabilityByDepartmentAndTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_history_metrics",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_effectiveness_CheckedAt",
                table: "effectiveness");

            migrationBuilder.AddColumn<string>(
                name: "Department",
                table: "effectiveness",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // An item never changes department: the checks take their item's.
            migrationBuilder.Sql("UPDATE effectiveness SET Department = (SELECT w.Department FROM work_items w WHERE w.Id = effectiveness.WorkItemId);");

            migrationBuilder.CreateIndex(
                name: "IX_history_metrics",
                table: "history",
                columns: new[] { "Department", "At" },
                filter: "\"Kind\" IN ('work-item.escalated', 'work-item.reopened')");

            migrationBuilder.CreateIndex(
                name: "IX_effectiveness_Department_CheckedAt",
                table: "effectiveness",
                columns: new[] { "Department", "CheckedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_history_metrics",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_effectiveness_Department_CheckedAt",
                table: "effectiveness");

            // SQLite drops the column in place: EF's DropColumn would rebuild the table, dropping its triggers.
            migrationBuilder.Sql("ALTER TABLE effectiveness DROP COLUMN Department;");

            migrationBuilder.CreateIndex(
                name: "IX_history_metrics",
                table: "history",
                columns: new[] { "Department", "Kind", "At" },
                filter: "\"Kind\" IN ('work-item.escalated', 'work-item.reopened')");

            migrationBuilder.CreateIndex(
                name: "IX_effectiveness_CheckedAt",
                table: "effectiveness",
                column: "CheckedAt");
        }
    }
}
