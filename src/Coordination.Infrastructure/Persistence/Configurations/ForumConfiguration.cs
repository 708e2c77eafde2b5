using Coordination.Domain.Forums;
using Coordination.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Infrastructure.Persistence.Configurations;

internal sealed class ForumConfiguration : IEntityTypeConfiguration<Forum>
{
    public void Configure(EntityTypeBuilder<Forum> builder)
    {
        builder.ToTable("Forums");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Title).HasMaxLength(Forum.TitleMaxLength).IsRequired();
        builder.Property(f => f.Place).HasMaxLength(Forum.PlaceMaxLength).IsRequired();
        builder.Property(f => f.Description).HasMaxLength(Forum.DescriptionMaxLength);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.DomainEvents);
        builder.HasMany(f => f.Participants).WithOne().HasForeignKey(p => p.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Participants).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(f => f.TimeZone);
        builder.ComplexProperty(f => f.ReviewSchedule, schedule =>
        {
            schedule.Property(s => s.Recurrence).HasColumnName("ReviewRecurrence");
            schedule.Property(s => s.CronExpression).HasColumnName("ReviewCron").HasMaxLength(100);
            schedule.Property(s => s.FirstOpensOn).HasColumnName("ReviewFirstOpensOn");
            schedule.Property(s => s.WindowDays).HasColumnName("ReviewWindowDays");
            schedule.Property(s => s.ReminderOffsets).HasColumnName("ReviewReminderOffsets");
            schedule.Property(s => s.MeetingDaysAfterDeadline).HasColumnName("ReviewMeetingDaysAfterDeadline");
            schedule.Property(s => s.TimeZone).HasColumnName("ReviewTimeZone").HasMaxLength(64);
        });
    }
}

internal sealed class ForumParticipantConfiguration : IEntityTypeConfiguration<ForumParticipant>
{
    public void Configure(EntityTypeBuilder<ForumParticipant> builder)
    {
        builder.ToTable("ForumParticipants");
        builder.HasKey(p => new { p.ForumId, p.OrganizationId });
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.OrganizationId);
    }
}

internal sealed class ConclusionConfiguration : IEntityTypeConfiguration<Conclusion>
{
    public void Configure(EntityTypeBuilder<Conclusion> builder)
    {
        builder.ToTable("Conclusions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Text).HasMaxLength(Conclusion.TextMaxLength).IsRequired();
        builder.Property(c => c.Theme).HasMaxLength(Conclusion.ThemeMaxLength).IsRequired();
        builder.Property(c => c.GcmObjectives).IsRequired();
        builder.Property(c => c.SdgTargets).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.DomainEvents);
        builder.HasOne<Forum>().WithMany().HasForeignKey(c => c.ForumId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ForumId, c.Number }).IsUnique();
    }
}
