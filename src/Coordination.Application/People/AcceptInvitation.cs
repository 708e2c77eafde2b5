using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Organizations;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.People;

/// <summary>
/// Creates the invited person's account from the link's token. The account and the invitation's acceptance are written
/// in the unit of work's one transaction, so a token works once even when two people race with it.
/// </summary>
public sealed record AcceptInvitationCommand(string Token, string DisplayName, string Password, string? PreferredLanguage = null)
    : ICommand<AcceptedInvitationDto>, IAllowAnonymous;

public sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitationCommand>
{
    public AcceptInvitationValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(200);
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(150);
        RuleFor(c => c.Password).NotEmpty();
        RuleFor(c => c.PreferredLanguage).Must(Languages.IsKnown).When(c => c.PreferredLanguage is not null)
            .WithMessage($"The language must be one of {string.Join(", ", Languages.All)}.");
    }
}

public sealed class AcceptInvitationHandler(ICoordinationDbContext db, IAccounts accounts, TimeProvider clock)
    : ICommandHandler<AcceptInvitationCommand, AcceptedInvitationDto>
{
    public async ValueTask<AcceptedInvitationDto> Handle(AcceptInvitationCommand command, CancellationToken cancellationToken)
    {
        var hash = Invitation.Hash(command.Token.Trim());
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken)
            ?? throw new NotFoundException(nameof(Invitation), "token");

        // The invitation's own rules first (used, expired: 409), before anything about the password.
        var now = clock.UtcNow();
        var userId = Guid.CreateVersion7();
        invitation.Accept(userId, now);

        var created = await accounts.CreateAsync(
            new NewAccount(userId, invitation.Email, command.DisplayName.Trim(), invitation.OrganizationId, invitation.Role,
                command.PreferredLanguage ?? Languages.English, now),
            command.Password,
            cancellationToken);
        if (created.EmailTaken)
            throw new ConflictException("A person with this e-mail address already has an account. Sign in instead.");
        if (!created.Succeeded)
            throw new ValidationException(created.Errors.Select(e => new ValidationFailure(e.Field, e.Message)));

        return new AcceptedInvitationDto(userId, invitation.Email, invitation.OrganizationId, invitation.Role);
    }
}
