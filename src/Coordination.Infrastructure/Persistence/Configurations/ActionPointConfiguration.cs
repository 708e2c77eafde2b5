using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;
using Coordination.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Infrastructure.Persistence.Configurations;

internal sealed class ActionPointConfiguration : IEntityTypeConfiguration<ActionPoint>
{
    public void Configure(EntityTypeBuilder<ActionPoint> builder)
    {
        builder.ToTable("ActionPoints");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Code).HasMaxLength(ActionPoint.CodeMaxLength).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(ActionPoint.TitleMaxLength).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(ActionPoint.DescriptionMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.DomainEvents);
        builder.ComplexProperty(a => a.Indicator, indicator =>
        {
            indicator.Property(i => i.Baseline).HasColumnName("IndicatorBaseline").HasPrecision(18, 4);
            indicator.Property(i => i.Target).HasColumnName("IndicatorTarget").HasPrecision(18, 4);
            indicator.Property(i => i.Unit).HasColumnName("IndicatorUnit").HasMaxLength(Indicator.UnitMaxLength);
        });
        builder.HasOne<Forum>().WithMany().HasForeignKey(a => a.ForumId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Conclusion>().WithMany().HasForeignKey(a => a.ConclusionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ForumId, a.Code }).IsUnique();
        builder.HasIndex(a => a.ConclusionId);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.ToTable("Assignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.DomainEvents);
        builder.Ignore(a => a.IsCancelled);
        builder.HasOne<ActionPoint>().WithMany().HasForeignKey(a => a.ActionPointId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ActionPointId, a.OrganizationId }).IsUnique();
        builder.HasIndex(a => a.OrganizationId);
    }
}

internal sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> builder)
    {
        builder.ToTable("ProgressUpdates");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Narrative).HasMaxLength(ProgressUpdate.NarrativeMaxLength).IsRequired();
        builder.Property(u => u.Obstacles).HasMaxLength(ProgressUpdate.NoteMaxLength);
        builder.Property(u => u.SupportNeeded).HasMaxLength(ProgressUpdate.NoteMaxLength);
        builder.Property(u => u.ReviewComment).HasMaxLength(ProgressUpdate.CommentMaxLength);
        builder.Property(u => u.EvidenceLinks).IsRequired();
        builder.Property(u => u.IndicatorValue).HasPrecision(18, 4);
        builder.Property(u => u.SubmittedByName).HasMaxLength(256).IsRequired();
        builder.Property(u => u.ReviewedByName).HasMaxLength(256);
        builder.Property(u => u.IdempotencyKey).HasMaxLength(100);
        builder.Property(u => u.RequestHash).HasMaxLength(64);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.Ignore(u => u.DomainEvents);
        builder.HasOne<Assignment>().WithMany().HasForeignKey(u => u.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.AssignmentId, u.SubmittedAt });
        builder.HasIndex(u => new { u.State, u.SubmittedAt });
        builder.HasIndex(u => new { u.SubmittedById, u.IdempotencyKey }).IsUnique();
    }
}
