using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HistoryChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_history_ReportId",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_history_WorkItemId",
                table: "history");

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "history",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "history",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "history",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<long>(
                name: "ChainIndex",
                table: "history",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_history_At",
                table: "history",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_history_ChainIndex",
                table: "history",
                column: "ChainIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_history_Department_Sequence",
                table: "history",
                columns: new[] { "Department", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_history_ReportId_Sequence",
                table: "history",
                columns: new[] { "ReportId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_history_WorkItemId_Sequence",
                table: "history",
                columns: new[] { "WorkItemId", "Sequence" });

            // Events chained before sealing existed are chained again by the sealer (the hash now covers the chain index).
            migrationBuilder.Sql("UPDATE history SET \"PreviousHash\" = NULL, \"Hash\" = NULL");
            migrationBuilder.Sql("SELECT setval(pg_get_serial_sequence('history', 'Sequence'), COALESCE((SELECT MAX(\"Sequence\") FROM history), 0) + 1, false)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.DropIndex(
                name: "IX_history_At",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_history_ChainIndex",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_history_Department_Sequence",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_history_ReportId_Sequence",
                table: "history");

            migrationBuilder.DropIndex(
                name: "IX_history_WorkItemId_Sequence",
                table: "history");

            migrationBuilder.DropColumn(
                name: "ChainIndex",
                table: "history");

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "history",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "history",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "history",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.CreateIndex(
                name: "IX_history_ReportId",
                table: "history",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_history_WorkItemId",
                table: "history",
                column: "WorkItemId");
        }
    }
}
