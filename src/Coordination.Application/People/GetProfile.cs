using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.People;

/// <summary>The signed-in person's own account.</summary>
public sealed record ProfileDto(
    Guid Id, string Email, string DisplayName, string PreferredLanguage, string? Role, Guid OrganizationId, string? OrganizationName,
    bool TwoFactorEnabled);

public sealed record GetProfileQuery : IQuery<ProfileDto>;

public sealed class GetProfileHandler(ICoordinationDbContext db, IAccounts accounts, ICurrentUser user) : IQueryHandler<GetProfileQuery, ProfileDto>
{
    public async ValueTask<ProfileDto> Handle(GetProfileQuery query, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var account = await accounts.FindAsync(userId, cancellationToken) ?? throw new NotFoundException("Person", userId);
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == account.OrganizationId)
            .Select(o => o.Name)
            .SingleOrDefaultAsync(cancellationToken);
        return new ProfileDto(
            account.Id, account.Email, account.DisplayName, account.PreferredLanguage, account.Role, account.OrganizationId, organization,
            account.TwoFactorEnabled);
    }
}
