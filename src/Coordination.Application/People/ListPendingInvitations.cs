using System.Linq.Expressions;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.People;

/// <summary>Invitations into an organization that can still be accepted, newest first (secretariat).</summary>
public sealed record ListPendingInvitationsQuery(Guid OrganizationId) : IQuery<IReadOnlyList<PendingInvitationDto>>, ISecretariatOnly;

/// <summary>One invitation into an organization, while it can still be accepted (secretariat); 404 once accepted or expired.</summary>
public sealed record GetPendingInvitationQuery(Guid OrganizationId, Guid InvitationId) : IQuery<PendingInvitationDto>, ISecretariatOnly;

public sealed class ListPendingInvitationsHandler(ICoordinationDbContext db, TimeProvider clock)
    : IQueryHandler<ListPendingInvitationsQuery, IReadOnlyList<PendingInvitationDto>>,
      IQueryHandler<GetPendingInvitationQuery, PendingInvitationDto>
{
    public async ValueTask<IReadOnlyList<PendingInvitationDto>> Handle(ListPendingInvitationsQuery query, CancellationToken cancellationToken) =>
        await Pending(query.OrganizationId)
            .OrderByDescending(i => i.CreatedAt)
            .Select(AsDto)
            .ToListAsync(cancellationToken);

    public async ValueTask<PendingInvitationDto> Handle(GetPendingInvitationQuery query, CancellationToken cancellationToken) =>
        await Pending(query.OrganizationId).Where(i => i.Id == query.InvitationId).Select(AsDto).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Invitation", query.InvitationId);

    private IQueryable<Invitation> Pending(Guid organizationId)
    {
        var now = clock.UtcNow();
        return db.Invitations.AsNoTracking().Where(i => i.OrganizationId == organizationId && i.AcceptedAt == null && i.ExpiresAt > now);
    }

    private static readonly Expression<Func<Invitation, PendingInvitationDto>> AsDto =
        i => new PendingInvitationDto(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt);
}
