using Microsoft.EntityFrameworkCore.Migrations;
using Routing.Engine.Metrics;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MetricsOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReportReceivedAt",
                table: "work_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportSubmittedBy",
                table: "work_items",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HandedBack",
                table: "work_item_rules",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Reopened",
                table: "work_item_rules",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ResolveTookSeconds",
                table: "work_item_rules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Resolved",
                table: "work_item_rules",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Verified",
                table: "work_item_rules",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "VerifiedEffective",
                table: "reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // The copies filled from what is stored, before their indexes (cheaper than maintaining them row by row).
            migrationBuilder.Sql(MetricsTriggers.FillSqlite);

            migrationBuilder.CreateIndex(
                name: "IX_work_items_ReportReceivedAt_ReportSubmittedBy_Department",
                table: "work_items",
                columns: new[] { "ReportReceivedAt", "ReportSubmittedBy", "Department" });

            migrationBuilder.Sql(MetricsTriggers.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MetricsTriggers.DropSqlite);

            migrationBuilder.DropIndex(
                name: "IX_work_items_ReportReceivedAt_ReportSubmittedBy_Department",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "ReportReceivedAt",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "ReportSubmittedBy",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "HandedBack",
                table: "work_item_rules");

            migrationBuilder.DropColumn(
                name: "Reopened",
                table: "work_item_rules");

            migrationBuilder.DropColumn(
                name: "ResolveTookSeconds",
                table: "work_item_rules");

            migrationBuilder.DropColumn(
                name: "Resolved",
                table: "work_item_rules");

            migrationBuilder.DropColumn(
                name: "Verified",
                table: "work_item_rules");

            migrationBuilder.DropColumn(
                name: "VerifiedEffective",
                table: "reports");
        }
    }
}
