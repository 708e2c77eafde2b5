using Coordination.Application.Assignments;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Auditing;
using Coordination.Domain.Forums;
using Coordination.Domain.Imports;
using Coordination.Domain.Notifications;
using Coordination.Domain.Organizations;
using Coordination.Domain.ReviewCycles;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Common.Abstractions;

/// <summary>The unit of work handlers read and write through; no repositories on top of it.</summary>
public interface ICoordinationDbContext
{
    DbSet<Organization> Organizations { get; }

    DbSet<Invitation> Invitations { get; }

    DbSet<Forum> Forums { get; }

    DbSet<Conclusion> Conclusions { get; }

    DbSet<ActionPoint> ActionPoints { get; }

    DbSet<Assignment> Assignments { get; }

    DbSet<ProgressUpdate> ProgressUpdates { get; }

    /// <summary>The read side of assignments; written only by <see cref="AssignmentStatusProjector"/>.</summary>
    DbSet<AssignmentCurrentStatus> AssignmentStatuses { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<ReviewCycle> ReviewCycles { get; }

    /// <summary>Frozen when a review cycle closes; never changed afterwards.</summary>
    DbSet<CycleSnapshot> CycleSnapshots { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<ImportRun> ImportRuns { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
