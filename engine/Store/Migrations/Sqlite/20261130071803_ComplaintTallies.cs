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
                    Product = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: false),
                    Attribute = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    MonthOfYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Complaints = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_tallies", x => x.Id);
                });

            // The complaints stored, counted once, then every change as it happens.
            migrationBuilder.Sql(Tallies.Fill(postgres: false));
            migrationBuilder.Sql(Tallies.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Tallies.DropSqlite);
            migrationBuilder.DropTable(
                name: "complaint_tallies");
        }
    }
}
