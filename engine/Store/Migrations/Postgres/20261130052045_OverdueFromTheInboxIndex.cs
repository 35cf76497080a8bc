using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OverdueFromTheInboxIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_items_Department_Stage_Priority_CreatedAt_Id",
                table: "work_items");

            migrationBuilder.CreateIndex(
                name: "IX_work_items_Department_Stage_Priority_CreatedAt_Id",
                table: "work_items",
                columns: new[] { "Department", "Stage", "Priority", "CreatedAt", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "AckDueAt", "ResolveDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_work_items_Department_Stage_Priority_CreatedAt_Id",
                table: "work_items");

            migrationBuilder.CreateIndex(
                name: "IX_work_items_Department_Stage_Priority_CreatedAt_Id",
                table: "work_items",
                columns: new[] { "Department", "Stage", "Priority", "CreatedAt", "Id" });
        }
    }
}
