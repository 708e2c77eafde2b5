namespace Coordination.Application.People;

public sealed record InvitationDto(Guid Id, Guid OrganizationId, string Email, string Role, DateTime ExpiresAt);

public sealed record AcceptedInvitationDto(Guid UserId, string Email, Guid OrganizationId, string Role);
