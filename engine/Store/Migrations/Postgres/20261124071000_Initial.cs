using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
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
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    WorkItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Department = table.Column<string>(type: "text", nullable: true),
                    Data = table.Column<string>(type: "text", nullable: false),
                    PreviousHash = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "text", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Product = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    UnitsSold = table.Column<int>(type: "integer", nullable: true),
                    AffectedUnits = table.Column<int>(type: "integer", nullable: true),
                    ReportCount = table.Column<int>(type: "integer", nullable: false),
                    FailureRate = table.Column<double>(type: "double precision", nullable: true),
                    Region = table.Column<string>(type: "text", nullable: true),
                    AgeGroup = table.Column<string>(type: "text", nullable: true),
                    Accessibility = table.Column<string>(type: "text", nullable: true),
                    Months = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Vendor = table.Column<string>(type: "text", nullable: true),
                    Severity = table.Column<string>(type: "text", nullable: false),
                    Recommendation = table.Column<string>(type: "text", nullable: true),
                    Evidence = table.Column<List<string>>(type: "text[]", nullable: false),
                    VerifiedBy = table.Column<string>(type: "text", nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RulesetVersion = table.Column<int>(type: "integer", nullable: false),
                    Notify = table.Column<List<string>>(type: "text[]", nullable: false),
                    PatternKey = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ruleset_versions",
                columns: table => new
                {
                    Version = table.Column<int>(type: "integer", nullable: false),
                    WorkflowsJson = table.Column<string>(type: "text", nullable: false),
                    DepartmentsJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ruleset_versions", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "work_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Department = table.Column<string>(type: "text", nullable: false),
                    Priority = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AckDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolveDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AckWithin = table.Column<TimeSpan>(type: "interval", nullable: false),
                    ResolveWithin = table.Column<TimeSpan>(type: "interval", nullable: false),
                    FollowUpEvery = table.Column<TimeSpan>(type: "interval", nullable: true),
                    ResolutionCheckAfter = table.Column<TimeSpan>(type: "interval", nullable: true),
                    RulesetVersion = table.Column<int>(type: "integer", nullable: false),
                    MatchedRules = table.Column<List<string>>(type: "text[]", nullable: false)
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
