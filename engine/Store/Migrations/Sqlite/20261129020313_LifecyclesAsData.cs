using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LifecyclesAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fields",
                table: "work_items",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "Lifecycle",
                table: "work_items",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "standard");

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "work_items",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Step",
                table: "timers",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LifecyclesJson",
                table: "ruleset_versions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_work_items_Department_Stage",
                table: "work_items",
                columns: new[] { "Department", "Stage" });

            // The items and timers stored before lifecycles were data follow the standard lifecycle:
            // what each state waits for, and the names of its timed steps.
            migrationBuilder.Sql("""
                UPDATE work_items SET "Stage" = CASE
                    WHEN "State" IN ('Routed', 'Reopened') THEN 'Acknowledgement'
                    WHEN "State" IN ('Acknowledged', 'InProgress', 'Escalated') THEN 'Resolution'
                    WHEN "State" = 'Resolved' THEN 'Waiting'
                    ELSE 'Final' END;
                UPDATE timers SET "Step" = CASE "Kind"
                    WHEN 'FollowUp' THEN 'follow-up'
                    WHEN 'ResolutionDue' THEN 'resolution-due'
                    ELSE 'resolution-check' END;
                """);

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "timers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_items_Department_Stage",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "Fields",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "Lifecycle",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "Step",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "LifecyclesJson",
                table: "ruleset_versions");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "timers",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");
        }
    }
}
