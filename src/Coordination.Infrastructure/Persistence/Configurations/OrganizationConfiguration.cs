using Coordination.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Infrastructure.Persistence.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("Organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength).IsRequired();
        builder.Property(o => o.Acronym).HasMaxLength(Organization.AcronymMaxLength).IsRequired();
        builder.Property(o => o.Kind).IsRequired();
        builder.Property(o => o.CountryCode).HasMaxLength(3).IsFixedLength();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.DomainEvents);
        builder.Ignore(o => o.IsMemberState);
        builder.HasIndex(o => o.CountryCode);
        builder.HasIndex(o => o.Acronym);
        builder.Property(o => o.CalendarToken).HasMaxLength(64).IsRequired();
        builder.HasIndex(o => o.CalendarToken).IsUnique();
    }
}
