using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Product = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: true),
                    Months = table.Column<List<int>>(type: "integer[]", nullable: false),
                    AgeGroup = table.Column<string>(type: "text", nullable: true),
                    Accessibility = table.Column<string>(type: "text", nullable: true),
                    Channel = table.Column<string>(type: "text", nullable: true),
                    Vendor = table.Column<string>(type: "text", nullable: true),
                    Depot = table.Column<string>(type: "text", nullable: true),
                    BeforeComplaints = table.Column<long>(type: "bigint", nullable: false),
                    BeforeUnits = table.Column<double>(type: "double precision", nullable: false),
                    BeforeFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    BeforeTo = table.Column<DateOnly>(type: "date", nullable: false),
                    BaselineRate = table.Column<double>(type: "double precision", nullable: true),
                    DefaultTarget = table.Column<double>(type: "double precision", nullable: false),
                    Target = table.Column<double>(type: "double precision", nullable: false),
                    Loosened = table.Column<bool>(type: "boolean", nullable: false),
                    WindowDays = table.Column<int>(type: "integer", nullable: false),
                    MinimumExposure = table.Column<long>(type: "bigint", nullable: true),
                    FixedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FixedBy = table.Column<string>(type: "text", nullable: false),
                    AfterFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    AfterTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Extended = table.Column<bool>(type: "boolean", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AfterComplaints = table.Column<long>(type: "bigint", nullable: true),
                    AfterUnits = table.Column<double>(type: "double precision", nullable: true),
                    PValue = table.Column<double>(type: "double precision", nullable: true),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "text", nullable: true)
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
