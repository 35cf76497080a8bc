using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "CalendarTime",
                table: "work_items",
                type: "text[]",
                nullable: false,
                // Items opened before counted every window around the clock; the resolution check stays so.
                defaultValueSql: "ARRAY['resolutionCheckAfter']::text[]");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PausedAt",
                table: "work_items",
                type: "timestamp with time zone",
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
