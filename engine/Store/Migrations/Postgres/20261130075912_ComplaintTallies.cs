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

            // lz4 where the server has it: pglz took 7.6 ms to store a batch's 460 kB of cells, lz4 2.2 ms.
            migrationBuilder.Sql("""
                DO $$ BEGIN ALTER TABLE complaint_tallies ALTER COLUMN "Cells" SET COMPRESSION lz4;
                EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL; END $$;
                """);

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
