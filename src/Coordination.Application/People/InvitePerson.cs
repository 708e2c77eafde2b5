using System.Net.Mail;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Domain.Notifications;
using Coordination.Domain.Organizations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.People;

/// <summary>Invites a person into an organization with a role; the mail with the single-use link goes out through the outbox.</summary>
public sealed record InvitePersonCommand(Guid OrganizationId, string Email, string Role, string? Language = null)
    : ICommand<InvitationDto>, ISecretariatOnly;

public sealed class InvitePersonValidator : AbstractValidator<InvitePersonCommand>
{
    public InvitePersonValidator()
    {
        RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(Invitation.EmailMaxLength)
            .Must(IsMailAddress).WithMessage("'{PropertyValue}' is not an e-mail address.");
        RuleFor(c => c.Role).Must(Roles.IsKnown)
            .WithMessage($"The role must be one of {string.Join(", ", Roles.All)}.");
        RuleFor(c => c.Language).Must(Languages.IsKnown).When(c => c.Language is not null)
            .WithMessage($"The language must be one of {string.Join(", ", Languages.All)}.");
    }

    /// <summary>One plain address (no display name, no list), as a person types it.</summary>
    private static bool IsMailAddress(string? email) =>
        email is not null
        && MailAddress.TryCreate(email.Trim(), out var address)
        && address.Address == email.Trim()
        && address.Host.Contains('.', StringComparison.Ordinal);
}

public sealed class InvitePersonHandler(
    ICoordinationDbContext db, IAccounts accounts, ICurrentUser user, IPublicBaseUrl baseUrl, TimeProvider clock)
    : ICommandHandler<InvitePersonCommand, InvitationDto>
{
    public const string MailKind = "Invitation";

    public async ValueTask<InvitationDto> Handle(InvitePersonCommand command, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == command.OrganizationId)
            .Select(o => new { o.Name, o.IsActive })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Organization", command.OrganizationId);
        if (!organization.IsActive)
            throw new ConflictException("This organization is deactivated. Reactivate it before inviting people into it.");

        var email = command.Email.Trim();
        if (await accounts.ExistsAsync(email, cancellationToken))
            throw new ConflictException("A person with this e-mail address already has an account.");

        var now = clock.UtcNow();
        var (invitation, token) = Invitation.Create(command.OrganizationId, email, command.Role, now, user.UserId!.Value);
        db.Invitations.Add(invitation);

        var language = command.Language ?? Languages.English;
        var link = baseUrl.Link($"/account/accept-invitation?token={Uri.EscapeDataString(token)}");
        var mail = InvitationMail.Write(language, organization.Name, invitation.Role, link, invitation.ExpiresAt);
        db.OutboxMessages.Add(OutboxMessage.Create(
            MailKind, $"invitation:{invitation.Id}", invitation.Email, null, language, mail.Subject, mail.HtmlBody, mail.TextBody, now));

        return new InvitationDto(invitation.Id, invitation.OrganizationId, invitation.Email, invitation.Role, invitation.ExpiresAt);
    }
}
