using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Routing.Engine.Store.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pattern_candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    Product = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: true),
                    Months = table.Column<List<int>>(type: "integer[]", nullable: false),
                    AgeGroup = table.Column<string>(type: "text", nullable: true),
                    Accessibility = table.Column<string>(type: "text", nullable: true),
                    Channel = table.Column<string>(type: "text", nullable: true),
                    Vendor = table.Column<string>(type: "text", nullable: true),
                    Depot = table.Column<string>(type: "text", nullable: true),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Complaints = table.Column<long>(type: "bigint", nullable: false),
                    UnitsSold = table.Column<long>(type: "bigint", nullable: true),
                    Rate = table.Column<double>(type: "double precision", nullable: false),
                    BaselineRate = table.Column<double>(type: "double precision", nullable: false),
                    Ratio = table.Column<double>(type: "double precision", nullable: true),
                    PValue = table.Column<double>(type: "double precision", nullable: false),
                    QValue = table.Column<double>(type: "double precision", nullable: false),
                    Explanation = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StillFlagged = table.Column<bool>(type: "boolean", nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DismissedBy = table.Column<string>(type: "text", nullable: true),
                    DismissedReason = table.Column<string>(type: "text", nullable: true),
                    DismissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DismissedComplaints = table.Column<long>(type: "bigint", nullable: true),
                    DismissedRatio = table.Column<double>(type: "double precision", nullable: true),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedBy = table.Column<string>(type: "text", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
