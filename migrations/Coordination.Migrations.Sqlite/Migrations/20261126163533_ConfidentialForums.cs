using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConfidentialForums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Confidential",
                table: "Forums",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Confidential",
                table: "Forums");
        }
    }
}
