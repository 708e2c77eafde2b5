using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.People;

/// <summary>
/// What the link of an invitation mail is about, for the page where the person accepts it: a used, expired or unknown
/// token is a state to explain, not an error. Only the token's holder (who got the mail) can ask.
/// </summary>
public sealed record GetInvitationByTokenQuery(string Token) : IQuery<InvitationPreviewDto>, IAllowAnonymous;

public enum InvitationState
{
    Unknown,
    Usable,
    Used,
    Expired,
}

public sealed record InvitationPreviewDto(InvitationState State, string? Email, string? OrganizationName, string? Role, DateTime? ExpiresAt);

public sealed class GetInvitationByTokenHandler(ICoordinationDbContext db, TimeProvider clock) : IQueryHandler<GetInvitationByTokenQuery, InvitationPreviewDto>
{
    public async ValueTask<InvitationPreviewDto> Handle(GetInvitationByTokenQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Token) || query.Token.Length > 200)
            return new InvitationPreviewDto(InvitationState.Unknown, null, null, null, null);

        var hash = Invitation.Hash(query.Token.Trim());
        var found = await db.Invitations.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Select(i => new
            {
                i.Email,
                i.Role,
                i.ExpiresAt,
                i.AcceptedAt,
                Organization = db.Organizations.Where(o => o.Id == i.OrganizationId).Select(o => o.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return new InvitationPreviewDto(InvitationState.Unknown, null, null, null, null);

        var state = found.AcceptedAt is not null ? InvitationState.Used
            : clock.UtcNow() >= found.ExpiresAt ? InvitationState.Expired
            : InvitationState.Usable;
        return new InvitationPreviewDto(state, found.Email, found.Organization, found.Role, found.ExpiresAt);
    }
}
