using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "history",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Department = table.Column<string>(type: "TEXT", nullable: true),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResponseJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Product = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    UnitsSold = table.Column<int>(type: "INTEGER", nullable: true),
                    AffectedUnits = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FailureRate = table.Column<double>(type: "REAL", nullable: true),
                    Region = table.Column<string>(type: "TEXT", nullable: true),
                    AgeGroup = table.Column<string>(type: "TEXT", nullable: true),
                    Accessibility = table.Column<string>(type: "TEXT", nullable: true),
                    Months = table.Column<string>(type: "TEXT", nullable: false),
                    Vendor = table.Column<string>(type: "TEXT", nullable: true),
                    Severity = table.Column<string>(type: "TEXT", nullable: false),
                    Recommendation = table.Column<string>(type: "TEXT", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    VerifiedBy = table.Column<string>(type: "TEXT", nullable: false),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RulesetVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Notify = table.Column<string>(type: "TEXT", nullable: false),
                    PatternKey = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ruleset_versions",
                columns: table => new
                {
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkflowsJson = table.Column<string>(type: "TEXT", nullable: false),
                    DepartmentsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ruleset_versions", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "work_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Department = table.Column<string>(type: "TEXT", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AckDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolveDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AckWithin = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    ResolveWithin = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    FollowUpEvery = table.Column<TimeSpan>(type: "TEXT", nullable: true),
                    ResolutionCheckAfter = table.Column<TimeSpan>(type: "TEXT", nullable: true),
                    RulesetVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchedRules = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_items", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_history_ReportId",
                table: "history",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_history_WorkItemId",
                table: "history",
                column: "WorkItemId");

            migrationBuilder.CreateIndex(
                name: "IX_reports_PatternKey_ReceivedAt",
                table: "reports",
                columns: new[] { "PatternKey", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reports_ReceivedAt",
                table: "reports",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_work_items_Department_State_CreatedAt",
                table: "work_items",
                columns: new[] { "Department", "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_ReportId",
                table: "work_items",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "history");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropTable(
                name: "ruleset_versions");

            migrationBuilder.DropTable(
                name: "work_items");
        }
    }
}
