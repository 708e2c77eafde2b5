using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.People;

/// <summary>Invitations into an organization that can still be accepted, newest first (secretariat).</summary>
public sealed record ListPendingInvitationsQuery(Guid OrganizationId) : IQuery<IReadOnlyList<PendingInvitationDto>>, ISecretariatOnly;

public sealed class ListPendingInvitationsHandler(ICoordinationDbContext db, TimeProvider clock)
    : IQueryHandler<ListPendingInvitationsQuery, IReadOnlyList<PendingInvitationDto>>
{
    public async ValueTask<IReadOnlyList<PendingInvitationDto>> Handle(ListPendingInvitationsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        return await db.Invitations.AsNoTracking()
            .Where(i => i.OrganizationId == query.OrganizationId && i.AcceptedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new PendingInvitationDto(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(cancellationToken);
    }
}
