using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PatternCandidates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PatternId",
                table: "reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pattern_candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Product = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: true),
                    Months = table.Column<string>(type: "TEXT", nullable: false),
                    AgeGroup = table.Column<string>(type: "TEXT", nullable: true),
                    Accessibility = table.Column<string>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", nullable: true),
                    Vendor = table.Column<string>(type: "TEXT", nullable: true),
                    Depot = table.Column<string>(type: "TEXT", nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Complaints = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitsSold = table.Column<long>(type: "INTEGER", nullable: true),
                    Rate = table.Column<double>(type: "REAL", nullable: false),
                    BaselineRate = table.Column<double>(type: "REAL", nullable: false),
                    Ratio = table.Column<double>(type: "REAL", nullable: true),
                    PValue = table.Column<double>(type: "REAL", nullable: false),
                    QValue = table.Column<double>(type: "REAL", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StillFlagged = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DismissedBy = table.Column<string>(type: "TEXT", nullable: true),
                    DismissedReason = table.Column<string>(type: "TEXT", nullable: true),
                    DismissedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DismissedComplaints = table.Column<long>(type: "INTEGER", nullable: true),
                    DismissedRatio = table.Column<double>(type: "REAL", nullable: true),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pattern_candidates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pattern_candidates_Key",
                table: "pattern_candidates",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pattern_candidates_Status_QValue",
                table: "pattern_candidates",
                columns: new[] { "Status", "QValue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pattern_candidates");

            migrationBuilder.DropColumn(
                name: "PatternId",
                table: "reports");
        }
    }
}
