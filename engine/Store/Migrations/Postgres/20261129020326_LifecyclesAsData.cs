using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LifecyclesAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "State",
                table: "work_items",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AddColumn<string>(
                name: "Fields",
                table: "work_items",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "Lifecycle",
                table: "work_items",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "standard");

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "work_items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Step",
                table: "timers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LifecyclesJson",
                table: "ruleset_versions",
                type: "text",
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

            migrationBuilder.AlterColumn<string>(
                name: "State",
                table: "work_items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "timers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");
        }
    }
}
