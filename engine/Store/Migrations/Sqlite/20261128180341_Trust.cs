using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Routing.Engine.Store;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Trust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ActorKeyId",
                table: "history",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "console_sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_console_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_console_sessions_api_keys_KeyId",
                        column: x => x.KeyId,
                        principalTable: "api_keys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_console_sessions_KeyId",
                table: "console_sessions",
                column: "KeyId");

            // Key names say who acted in history: unique ignoring case, and none passes for the service's
            // own "system:" actors or for "anonymous". Names that break this on an existing store are renamed first.
            migrationBuilder.Sql("""
                UPDATE api_keys SET Name = 'renamed:' || Name WHERE lower(Name) LIKE 'system:%' OR lower(Name) = 'anonymous';
                UPDATE api_keys SET Name = Name || ' (' || Id || ')'
                WHERE EXISTS (SELECT 1 FROM api_keys o WHERE lower(o.Name) = lower(api_keys.Name)
                  AND (o.CreatedAt < api_keys.CreatedAt OR (o.CreatedAt = api_keys.CreatedAt AND o.Id < api_keys.Id)));
                CREATE UNIQUE INDEX IX_api_keys_Name ON api_keys (lower(Name));
                """);
            migrationBuilder.Sql("DROP TRIGGER history_sealed_is_final;");
            migrationBuilder.Sql(HistoryTriggers.SqliteSealedIsFinal);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IX_api_keys_Name;");
            migrationBuilder.DropTable(
                name: "console_sessions");

            migrationBuilder.DropColumn(
                name: "ActorKeyId",
                table: "history");
        }
    }
}
