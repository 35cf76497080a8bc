using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintsFewerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_complaints_ImportId",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "IX_complaints_Region",
                table: "complaints");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_complaints_ImportId",
                table: "complaints",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_Region",
                table: "complaints",
                column: "Region");
        }
    }
}
