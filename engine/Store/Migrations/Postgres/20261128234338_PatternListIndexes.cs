using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PatternListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pattern_candidates_Status_QValue",
                table: "pattern_candidates");

            migrationBuilder.CreateIndex(
                name: "IX_pattern_candidates_Product_Status_QValue_Ratio_Key",
                table: "pattern_candidates",
                columns: new[] { "Product", "Status", "QValue", "Ratio", "Key" },
                descending: new[] { false, false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_pattern_candidates_QValue_Ratio_Key",
                table: "pattern_candidates",
                columns: new[] { "QValue", "Ratio", "Key" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_pattern_candidates_Status_QValue_Ratio_Key",
                table: "pattern_candidates",
                columns: new[] { "Status", "QValue", "Ratio", "Key" },
                descending: new[] { false, false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pattern_candidates_Product_Status_QValue_Ratio_Key",
                table: "pattern_candidates");

            migrationBuilder.DropIndex(
                name: "IX_pattern_candidates_QValue_Ratio_Key",
                table: "pattern_candidates");

            migrationBuilder.DropIndex(
                name: "IX_pattern_candidates_Status_QValue_Ratio_Key",
                table: "pattern_candidates");

            migrationBuilder.CreateIndex(
                name: "IX_pattern_candidates_Status_QValue",
                table: "pattern_candidates",
                columns: new[] { "Status", "QValue" });
        }
    }
}
