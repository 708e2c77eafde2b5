using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReviewCycles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarToken",
                table: "Organizations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Organizations created before calendar feeds get their own secret, as new ones do.
            migrationBuilder.Sql(@"UPDATE ""Organizations"" SET ""CalendarToken"" = md5(random()::text || clock_timestamp()::text || ""Id""::text) WHERE ""CalendarToken"" = '';");

            migrationBuilder.AddColumn<string>(
                name: "ReviewCron",
                table: "Forums",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewFirstOpensOn",
                table: "Forums",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewMeetingDaysAfterDeadline",
                table: "Forums",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewRecurrence",
                table: "Forums",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<List<int>>(
                name: "ReviewReminderOffsets",
                table: "Forums",
                type: "integer[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewTimeZone",
                table: "Forums",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewWindowDays",
                table: "Forums",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReceivesDigest",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "ReviewCycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForumId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmissionDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromSchedule = table.Column<bool>(type: "boolean", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewCycles_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CycleSnapshots",
                columns: table => new
                {
                    ReviewCycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ForumId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionPointId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CountryCode = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PercentComplete = table.Column<int>(type: "integer", nullable: false),
                    Overdue = table.Column<bool>(type: "boolean", nullable: false),
                    AtRisk = table.Column<bool>(type: "boolean", nullable: false),
                    ReportedOnTime = table.Column<bool>(type: "boolean", nullable: false),
                    ReportedLate = table.Column<bool>(type: "boolean", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleSnapshots", x => new { x.ReviewCycleId, x.AssignmentId });
                    table.ForeignKey(
                        name: "FK_CycleSnapshots_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CycleSnapshots_ReviewCycles_ReviewCycleId",
                        column: x => x.ReviewCycleId,
                        principalTable: "ReviewCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_CalendarToken",
                table: "Organizations",
                column: "CalendarToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CycleSnapshots_AssignmentId",
                table: "CycleSnapshots",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleSnapshots_ForumId_ReviewCycleId",
                table: "CycleSnapshots",
                columns: new[] { "ForumId", "ReviewCycleId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCycles_ForumId_OpensOn",
                table: "ReviewCycles",
                columns: new[] { "ForumId", "OpensOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCycles_ForumId_OpensOn_FromSchedule",
                table: "ReviewCycles",
                columns: new[] { "ForumId", "OpensOn", "FromSchedule" },
                unique: true,
                filter: "\"FromSchedule\" = TRUE");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCycles_State_OpensOn",
                table: "ReviewCycles",
                columns: new[] { "State", "OpensOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CycleSnapshots");

            migrationBuilder.DropTable(
                name: "ReviewCycles");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_CalendarToken",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "CalendarToken",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "ReviewCron",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "ReviewFirstOpensOn",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "ReviewMeetingDaysAfterDeadline",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "ReviewRecurrence",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "ReviewReminderOffsets",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "ReviewTimeZone",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "ReviewWindowDays",
                table: "Forums");

            migrationBuilder.DropColumn(
                name: "ReceivesDigest",
                table: "AspNetUsers");
        }
    }
}
