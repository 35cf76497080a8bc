using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Routing.Engine.Metrics;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MetricsOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_item_rules_CreatedAt_RulesetVersion_Rule",
                table: "work_item_rules");

            migrationBuilder.DropIndex(
                name: "IX_reports_ReceivedAt",
                table: "reports");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReportReceivedAt",
                table: "work_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportSubmittedBy",
                table: "work_items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HandedBack",
                table: "work_item_rules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Reopened",
                table: "work_item_rules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ResolveTookSeconds",
                table: "work_item_rules",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Resolved",
                table: "work_item_rules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Verified",
                table: "work_item_rules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "VerifiedEffective",
                table: "reports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The copies filled from what is stored, before their indexes (cheaper than maintaining them row by row).
            migrationBuilder.Sql(MetricsTriggers.FillPostgres);

            migrationBuilder.CreateIndex(
                name: "IX_work_items_ReportReceivedAt_ReportSubmittedBy_Department",
                table: "work_items",
                columns: new[] { "ReportReceivedAt", "ReportSubmittedBy", "Department" });

            migrationBuilder.CreateIndex(
                name: "IX_work_item_rules_CreatedAt_RulesetVersion_Rule",
                table: "work_item_rules",
                columns: new[] { "CreatedAt", "RulesetVersion", "Rule" })
                .Annotation("Npgsql:IndexInclude", new[] { "Department", "HandedBack", "Resolved", "ResolveTookSeconds", "Verified", "Reopened" });

            migrationBuilder.CreateIndex(
                name: "IX_reports_ReceivedAt",
                table: "reports",
                column: "ReceivedAt")
                .Annotation("Npgsql:IndexInclude", new[] { "SubmittedBy", "FixedAt", "VerifiedEffective" });

            migrationBuilder.Sql(MetricsTriggers.Postgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MetricsTriggers.DropPostgres);

            migrationBuilder.DropIndex(
                name: "IX_work_items_ReportReceivedAt_ReportSubmittedBy_Department",
                table: "work_items");

            migrationBuilder.DropIndex(
                name: "IX_work_item_rules_CreatedAt_RulesetVersion_Rule",
                table: "work_item_rules");

            migrationBuilder.DropIndex(
                name: "IX_reports_ReceivedAt",
                table: "reports");

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

            migrationBuilder.CreateIndex(
                name: "IX_work_item_rules_CreatedAt_RulesetVersion_Rule",
                table: "work_item_rules",
                columns: new[] { "CreatedAt", "RulesetVersion", "Rule" });

            migrationBuilder.CreateIndex(
                name: "IX_reports_ReceivedAt",
                table: "reports",
                column: "ReceivedAt");
        }
    }
}
