using Coordination.Application.Assignments;
using Coordination.Application.Common.Abstractions;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Auditing;
using Coordination.Domain.Forums;
using Coordination.Domain.Imports;
using Coordination.Domain.Notifications;
using Coordination.Domain.Organizations;
using Coordination.Domain.ReviewCycles;
using Coordination.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Infrastructure.Persistence;

public sealed class CoordinationDbContext(DbContextOptions<CoordinationDbContext> options)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), ICoordinationDbContext, IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Forum> Forums => Set<Forum>();

    public DbSet<Conclusion> Conclusions => Set<Conclusion>();

    public DbSet<ActionPoint> ActionPoints => Set<ActionPoint>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();

    public DbSet<AssignmentCurrentStatus> AssignmentStatuses => Set<AssignmentCurrentStatus>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ReviewCycle> ReviewCycles => Set<ReviewCycle>();

    public DbSet<CycleSnapshot> CycleSnapshots => Set<CycleSnapshot>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    /// <summary>Shared by every instance, so a sign-in cookie or bearer token issued by one is read by all.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CoordinationDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; SQLite returns them unspecified and Npgsql refuses unspecified ones.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
