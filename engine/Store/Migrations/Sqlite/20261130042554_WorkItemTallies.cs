using Microsoft.EntityFrameworkCore.Migrations;
using Tallies = Routing.Engine.WorkItems.WorkItemTallies;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkItemTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "work_item_tallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Department = table.Column<string>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Items = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_item_tallies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_work_item_tallies_Department_State_Stage_Items",
                table: "work_item_tallies",
                columns: new[] { "Department", "State", "Stage", "Items" });

            // The items stored, counted once, then every change as it happens.
            migrationBuilder.Sql(Tallies.Fill);
            migrationBuilder.Sql(Tallies.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Tallies.DropSqlite);
            migrationBuilder.DropTable(
                name: "work_item_tallies");
        }
    }
}
