using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;
using Coordination.Domain.ReviewCycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Infrastructure.Persistence.Configurations;

internal sealed class ReviewCycleConfiguration : IEntityTypeConfiguration<ReviewCycle>
{
    public void Configure(EntityTypeBuilder<ReviewCycle> builder)
    {
        builder.ToTable("ReviewCycles");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(ReviewCycle.NameMaxLength).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.DomainEvents);
        builder.HasOne<Forum>().WithMany().HasForeignKey(c => c.ForumId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ForumId, c.OpensOn });
        builder.HasIndex(c => new { c.State, c.OpensOn });
        // The schedule creates a cycle once per opening day, however many job servers run.
        builder.HasIndex(c => new { c.ForumId, c.OpensOn, c.FromSchedule }).IsUnique().HasFilter(@"""FromSchedule"" = TRUE");
    }
}

internal sealed class CycleSnapshotConfiguration : IEntityTypeConfiguration<CycleSnapshot>
{
    public void Configure(EntityTypeBuilder<CycleSnapshot> builder)
    {
        builder.ToTable("CycleSnapshots");
        builder.HasKey(s => new { s.ReviewCycleId, s.AssignmentId });
        builder.Property(s => s.CountryCode).HasMaxLength(3).IsFixedLength();
        builder.HasOne<ReviewCycle>().WithMany().HasForeignKey(s => s.ReviewCycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assignment>().WithMany().HasForeignKey(s => s.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ForumId, s.ReviewCycleId });
    }
}
