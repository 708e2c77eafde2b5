using Coordination.Domain.Forums;
using Coordination.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Infrastructure.Persistence.Configurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("ImportRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.FileName).HasMaxLength(ImportRun.FileNameMaxLength).IsRequired();
        builder.Property(r => r.Content).IsRequired();
        builder.Property(r => r.Failure).HasMaxLength(2000);
        builder.Ignore(r => r.DomainEvents);
        builder.Ignore(r => r.IsFinished);
        builder.HasOne<Forum>().WithMany().HasForeignKey(r => r.ForumId).OnDelete(DeleteBehavior.Restrict);
        // The sweep's look-up: runs still queued, or running with a lapsed claim.
        builder.HasIndex(r => new { r.State, r.ClaimedUntil });
    }
}
