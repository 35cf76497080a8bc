using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MetricsIndexByRule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_item_rules_CreatedAt_RulesetVersion_Rule",
                table: "work_item_rules");

            migrationBuilder.DropIndex(
                name: "IX_reports_SubmittedBy_ReceivedAt",
                table: "reports");

            migrationBuilder.CreateIndex(
                name: "IX_work_item_rules_RulesetVersion_Rule_CreatedAt",
                table: "work_item_rules",
                columns: new[] { "RulesetVersion", "Rule", "CreatedAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "Department", "HandedBack", "Resolved", "ResolveTookSeconds", "Verified", "Reopened" });

            migrationBuilder.CreateIndex(
                name: "IX_reports_SubmittedBy_ReceivedAt",
                table: "reports",
                columns: new[] { "SubmittedBy", "ReceivedAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "FixedAt", "VerifiedEffective" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_item_rules_RulesetVersion_Rule_CreatedAt",
                table: "work_item_rules");

            migrationBuilder.DropIndex(
                name: "IX_reports_SubmittedBy_ReceivedAt",
                table: "reports");

            migrationBuilder.CreateIndex(
                name: "IX_work_item_rules_CreatedAt_RulesetVersion_Rule",
                table: "work_item_rules",
                columns: new[] { "CreatedAt", "RulesetVersion", "Rule" })
                .Annotation("Npgsql:IndexInclude", new[] { "Department", "HandedBack", "Resolved", "ResolveTookSeconds", "Verified", "Reopened" });

            migrationBuilder.CreateIndex(
                name: "IX_reports_SubmittedBy_ReceivedAt",
                table: "reports",
                columns: new[] { "SubmittedBy", "ReceivedAt" });
        }
    }
}
