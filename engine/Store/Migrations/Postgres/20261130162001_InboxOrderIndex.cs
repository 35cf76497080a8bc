using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InboxDueAt",
                table: "work_items",
                type: "timestamp with time zone",
                nullable: true,
                computedColumnSql: "CASE \"Stage\" WHEN 'Final' THEN NULL WHEN 'Acknowledgement' THEN \"AckDueAt\" WHEN 'Resolution' THEN \"ResolveDueAt\" ELSE '9999-12-31 23:59:59+00'::timestamptz END",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_work_items_inbox",
                table: "work_items",
                columns: new[] { "Department", "Priority", "InboxDueAt", "CreatedAt", "Id" },
                filter: "\"InboxDueAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_items_inbox",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "InboxDueAt",
                table: "work_items");
        }
    }
}
