using Coordination.Domain.Auditing;
using Coordination.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Common.Abstractions;

/// <summary>The unit of work handlers read and write through; no repositories on top of it.</summary>
public interface ICoordinationDbContext
{
    DbSet<Organization> Organizations { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
