using Microsoft.EntityFrameworkCore.Migrations;
using Tallies = Routing.Engine.Patterns.ComplaintTallies;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComplaintTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaint_tallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Product = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: false),
                    Attribute = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "text", nullable: false),
                    MonthOfYear = table.Column<int>(type: "integer", nullable: false),
                    Complaints = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_tallies", x => x.Id);
                });

            // The complaints stored, counted once, then every change as it happens.
            migrationBuilder.Sql(Tallies.Fill(postgres: true));
            migrationBuilder.Sql(Tallies.Postgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Tallies.DropPostgres);
            migrationBuilder.DropTable(
                name: "complaint_tallies");
        }
    }
}
