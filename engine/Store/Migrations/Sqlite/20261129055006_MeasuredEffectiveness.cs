using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasuredEffectiveness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "effectiveness",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Product = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: true),
                    Months = table.Column<string>(type: "TEXT", nullable: false),
                    AgeGroup = table.Column<string>(type: "TEXT", nullable: true),
                    Accessibility = table.Column<string>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", nullable: true),
                    Vendor = table.Column<string>(type: "TEXT", nullable: true),
                    Depot = table.Column<string>(type: "TEXT", nullable: true),
                    BeforeComplaints = table.Column<long>(type: "INTEGER", nullable: false),
                    BeforeUnits = table.Column<double>(type: "REAL", nullable: false),
                    BeforeFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BeforeTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BaselineRate = table.Column<double>(type: "REAL", nullable: true),
                    DefaultTarget = table.Column<double>(type: "REAL", nullable: false),
                    Target = table.Column<double>(type: "REAL", nullable: false),
                    Loosened = table.Column<bool>(type: "INTEGER", nullable: false),
                    WindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumExposure = table.Column<long>(type: "INTEGER", nullable: true),
                    FixedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FixedBy = table.Column<string>(type: "TEXT", nullable: false),
                    AfterFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AfterTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Extended = table.Column<bool>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AfterComplaints = table.Column<long>(type: "INTEGER", nullable: true),
                    AfterUnits = table.Column<double>(type: "REAL", nullable: true),
                    PValue = table.Column<double>(type: "REAL", nullable: true),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_effectiveness", x => x.Id);
                    table.ForeignKey(
                        name: "FK_effectiveness_work_items_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "work_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_effectiveness_WorkItemId_FixedAt",
                table: "effectiveness",
                columns: new[] { "WorkItemId", "FixedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "effectiveness");
        }
    }
}
