using Microsoft.EntityFrameworkCore.Migrations;
using Tallies = Routing.Engine.Patterns.ComplaintTallies;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Complaints = table.Column<long>(type: "INTEGER", nullable: false),
                    Cells = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_tallies", x => x.Id);
                });

            // The complaints stored, counted once; each import's batches from now on.
            migrationBuilder.Sql(Tallies.Fill(postgres: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_tallies");
        }
    }
}
