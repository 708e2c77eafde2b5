using Coordination.Application.Assignments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Infrastructure.Persistence.Configurations;

internal sealed class AssignmentCurrentStatusConfiguration : IEntityTypeConfiguration<AssignmentCurrentStatus>
{
    public void Configure(EntityTypeBuilder<AssignmentCurrentStatus> builder)
    {
        builder.ToTable("AssignmentCurrentStatus");
        builder.HasKey(s => s.AssignmentId);
        builder.Property(s => s.CountryCode).HasMaxLength(3).IsFixedLength();
        builder.HasIndex(s => new { s.ForumId, s.CountryCode });
        builder.HasIndex(s => new { s.OrganizationId, s.DueDay });
        builder.HasIndex(s => s.ActionPointId);
        builder.HasIndex(s => s.ConclusionId);
    }
}
