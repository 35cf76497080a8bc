using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Routing.Engine.Store;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "console_sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    KeyId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                UPDATE api_keys SET "Name" = 'renamed:' || "Name" WHERE lower("Name") LIKE 'system:%' OR lower("Name") = 'anonymous';
                UPDATE api_keys k SET "Name" = k."Name" || ' (' || k."Id" || ')'
                WHERE EXISTS (SELECT 1 FROM api_keys o WHERE lower(o."Name") = lower(k."Name")
                  AND (o."CreatedAt", o."Id") < (k."CreatedAt", k."Id"));
                CREATE UNIQUE INDEX "IX_api_keys_Name" ON api_keys (lower("Name"));
                """);
            migrationBuilder.Sql(HistoryTriggers.PostgresGuard);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_api_keys_Name\";");
            migrationBuilder.DropTable(
                name: "console_sessions");

            migrationBuilder.DropColumn(
                name: "ActorKeyId",
                table: "history");
        }
    }
}
