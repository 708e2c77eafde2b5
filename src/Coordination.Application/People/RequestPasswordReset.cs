using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.People;

/// <summary>
/// "Forgot your password?": mails a reset link to the address when it belongs to an active account, in the person's
/// language. It answers the same whether or not the account exists, so nobody can probe for addresses with it.
/// </summary>
public sealed record RequestPasswordResetCommand(string Email) : ICommand, IAllowAnonymous;

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetValidator() => RuleFor(c => c.Email).NotEmpty().MaximumLength(256);
}

public sealed class RequestPasswordResetHandler(ICoordinationDbContext db, IAccounts accounts, IPublicBaseUrl baseUrl, TimeProvider clock)
    : ICommandHandler<RequestPasswordResetCommand>
{
    public const string MailKind = "PasswordReset";

    /// <summary>One mail per person in each such window: a repeated click or a script does not flood their inbox.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public async ValueTask<Unit> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        var person = await accounts.FindByEmailAsync(command.Email.Trim(), cancellationToken);
        if (person is not { IsActive: true })
            return Unit.Value;

        var now = clock.UtcNow();
        var key = $"password-reset:{person.Id}:{now.Ticks / Window.Ticks}";
        if (await db.OutboxMessages.AsNoTracking().AnyAsync(m => m.DeduplicationKey == key, cancellationToken))
            return Unit.Value;

        var token = await accounts.CreatePasswordResetTokenAsync(person.Id, cancellationToken);
        var link = baseUrl.Link($"/account/reset-password?email={Uri.EscapeDataString(person.Email)}&token={token}");
        var language = Languages.IsKnown(person.PreferredLanguage) ? person.PreferredLanguage : Languages.English;
        var mail = PasswordResetMail.Write(language, person.DisplayName, link);
        db.OutboxMessages.Add(OutboxMessage.Create(
            MailKind, key, person.Email, person.DisplayName, language, mail.Subject, mail.HtmlBody, mail.TextBody, now));
        return Unit.Value;
    }
}
