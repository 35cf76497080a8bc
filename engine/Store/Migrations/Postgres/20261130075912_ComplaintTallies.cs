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
                    Complaints = table.Column<long>(type: "bigint", nullable: false),
                    Cells = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_tallies", x => x.Id);
                });

            // The complaints stored, counted once; each import's batches from now on.
            migrationBuilder.Sql(Tallies.Fill(postgres: true));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_tallies");
        }
    }
}
