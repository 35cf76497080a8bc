using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Timers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Recurrences",
                table: "work_items",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedAt",
                table: "work_items",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "timers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HandedOffAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_timers_Status_DueAt",
                table: "timers",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_timers_WorkItemId",
                table: "timers",
                column: "WorkItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "timers");

            migrationBuilder.DropColumn(
                name: "Recurrences",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "work_items");
        }
    }
}
