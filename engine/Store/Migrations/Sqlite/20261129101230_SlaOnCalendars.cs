using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SlaOnCalendars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Calendar",
                table: "work_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarTime",
                table: "work_items",
                type: "TEXT",
                nullable: false,
                // Items opened before counted every window around the clock; the resolution check stays so.
                defaultValue: "[\"resolutionCheckAfter\"]");

            migrationBuilder.AddColumn<long>(
                name: "PausedAt",
                table: "work_items",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Calendar",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "CalendarTime",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "PausedAt",
                table: "work_items");
        }
    }
}
