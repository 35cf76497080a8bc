using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Publications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RoutedTo",
                table: "reports",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "ruleset_publications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ruleset_publications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ruleset_publications_ruleset_versions_Version",
                        column: x => x.Version,
                        principalTable: "ruleset_versions",
                        principalColumn: "Version",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ruleset_publications_Version",
                table: "ruleset_publications",
                column: "Version");

            // Versions published before publications had a table of their own keep their publish.
            migrationBuilder.Sql(
                "INSERT INTO ruleset_publications (\"Version\", \"PublishedAt\", \"PublishedBy\") " +
                "SELECT \"Version\", \"PublishedAt\", \"PublishedBy\" FROM ruleset_versions WHERE \"PublishedAt\" IS NOT NULL");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "ruleset_versions");

            migrationBuilder.DropColumn(
                name: "PublishedBy",
                table: "ruleset_versions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ruleset_publications");

            migrationBuilder.DropColumn(
                name: "RoutedTo",
                table: "reports");

            migrationBuilder.AddColumn<long>(
                name: "PublishedAt",
                table: "ruleset_versions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                table: "ruleset_versions",
                type: "TEXT",
                nullable: true);
        }
    }
}
