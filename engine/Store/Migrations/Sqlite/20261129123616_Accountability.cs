using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Accountability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AckMet",
                table: "work_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AckPausedSeconds",
                table: "work_items",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "AckTookSeconds",
                table: "work_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AcknowledgedAt",
                table: "work_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstResolvedAt",
                table: "work_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HandedBackAt",
                table: "work_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MetricsVersion",
                table: "work_items",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReopenedCount",
                table: "work_items",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "ResolveMet",
                table: "work_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvePausedSeconds",
                table: "work_items",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ResolveTookSeconds",
                table: "work_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "VerifiedAt",
                table: "work_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FixedAt",
                table: "reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "reports",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "metric_periods",
                columns: table => new
                {
                    Department = table.Column<string>(type: "TEXT", nullable: false),
                    Interval = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    Definition = table.Column<int>(type: "INTEGER", nullable: false),
                    Opened = table.Column<int>(type: "INTEGER", nullable: false),
                    Acknowledged = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgedWithinSla = table.Column<int>(type: "INTEGER", nullable: false),
                    AckMedianSeconds = table.Column<double>(type: "REAL", nullable: true),
                    AckP90Seconds = table.Column<double>(type: "REAL", nullable: true),
                    Resolved = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedWithinSla = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolveMedianSeconds = table.Column<double>(type: "REAL", nullable: true),
                    ResolveP90Seconds = table.Column<double>(type: "REAL", nullable: true),
                    BacklogDays0To2 = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogDays3To7 = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogDays8To30 = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogOver30 = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalations = table.Column<int>(type: "INTEGER", nullable: false),
                    HandedBack = table.Column<int>(type: "INTEGER", nullable: false),
                    Judged = table.Column<int>(type: "INTEGER", nullable: false),
                    Effective = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_metric_periods", x => new { x.Department, x.Interval, x.Start });
                });

            migrationBuilder.CreateTable(
                name: "work_item_rules",
                columns: table => new
                {
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RulesetVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Department = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_item_rules", x => new { x.WorkItemId, x.Rule });
                });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_Department_AcknowledgedAt_AckTookSeconds_AckMet",
                table: "work_items",
                columns: new[] { "Department", "AcknowledgedAt", "AckTookSeconds", "AckMet" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_Department_CreatedAt",
                table: "work_items",
                columns: new[] { "Department", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_Department_FirstResolvedAt_ResolveTookSeconds_ResolveMet",
                table: "work_items",
                columns: new[] { "Department", "FirstResolvedAt", "ResolveTookSeconds", "ResolveMet" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_Department_HandedBackAt",
                table: "work_items",
                columns: new[] { "Department", "HandedBackAt" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_MetricsVersion",
                table: "work_items",
                column: "MetricsVersion",
                filter: "\"MetricsVersion\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_reports_SubmittedBy_ReceivedAt",
                table: "reports",
                columns: new[] { "SubmittedBy", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_history_metrics",
                table: "history",
                columns: new[] { "Department", "Kind", "At" },
                filter: "\"Kind\" IN ('work-item.escalated', 'work-item.reopened')");

            migrationBuilder.CreateIndex(
                name: "IX_effectiveness_CheckedAt",
                table: "effectiveness",
                column: "CheckedAt");

            migrationBuilder.CreateIndex(
                name: "IX_work_item_rules_CreatedAt_RulesetVersion_Rule",
                table: "work_item_rules",
                columns: new[] { "CreatedAt", "RulesetVersion", "Rule" });

            // What history and the items already say: who submitted each report (the key that sent it,
            // as its acceptance recorded), and the rules that opened each item. The rest of the facts
            // need business time on the calendars, so MetricsBackfill replays them in C# at start-up.
            migrationBuilder.Sql("""
                UPDATE reports SET "SubmittedBy" = (SELECT h."Actor" FROM history h
                    WHERE h."ReportId" = reports."Id" AND h."Kind" = 'report.accepted' ORDER BY h."Sequence" LIMIT 1);
                INSERT INTO work_item_rules ("WorkItemId", "Rule", "RulesetVersion", "Department", "CreatedAt")
                SELECT DISTINCT w."Id", r.value, w."RulesetVersion", w."Department", w."CreatedAt"
                FROM work_items w, json_each(w."MatchedRules") r;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "metric_periods");

            migrationBuilder.DropTable(
                name: "work_item_rules");

            migrationBuilder.DropIndex(
                name: "IX_work_items_Department_AcknowledgedAt_AckTookSeconds_AckMet",
                table: "work_items");

            migrationBuilder.DropIndex(
                name: "IX_work_items_Department_CreatedAt",
                table: "work_items");

            migrationBuilder.DropIndex(
                name: "IX_work_items_Department_FirstResolvedAt_ResolveTookSeconds_ResolveMet",
                table: "work_items");

            migrationBuilder.DropIndex(
                name: "IX_work_items_Department_HandedBackAt",
                table: "work_items");

            migrationBuilder.DropIndex(
                name: "IX_work_items_MetricsVersion",
                table: "work_items");

            migrationBuilder.DropIndex(
                name: "IX_reports_SubmittedBy_ReceivedAt",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "IX_history_metrics",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_effectiveness_CheckedAt",
                table: "effectiveness");

            migrationBuilder.DropColumn(
                name: "AckMet",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "AckPausedSeconds",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "AckTookSeconds",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "FirstResolvedAt",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "HandedBackAt",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "MetricsVersion",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "ReopenedCount",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "ResolveMet",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "ResolvePausedSeconds",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "ResolveTookSeconds",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "FixedAt",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "reports");
        }
    }
}
