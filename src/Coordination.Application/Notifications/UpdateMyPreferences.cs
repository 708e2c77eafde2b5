using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Application.People;
using FluentValidation;
using Mediator;

namespace Coordination.Application.Notifications;

/// <summary>The signed-in person's mail preferences. Only the weekly digest can be switched off; reminders cannot.</summary>
public sealed record MyPreferencesDto(bool ReceivesDigest);

/// <param name="ReceivesDigest">Nullable so that a body without it is a 400 naming it, not a silent "off".</param>
public sealed record UpdateMyPreferencesCommand(bool? ReceivesDigest) : ICommand<MyPreferencesDto>;

public sealed class UpdateMyPreferencesValidator : AbstractValidator<UpdateMyPreferencesCommand>
{
    public UpdateMyPreferencesValidator() =>
        RuleFor(c => c.ReceivesDigest).NotNull().WithMessage("Say whether you want the weekly digest (true or false).");
}

public sealed class UpdateMyPreferencesHandler(ICoordinationDbContext db, IAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateMyPreferencesCommand, MyPreferencesDto>
{
    public async ValueTask<MyPreferencesDto> Handle(UpdateMyPreferencesCommand command, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new UnauthenticatedException();
        var person = await accounts.FindMailRecipientAsync(userId, cancellationToken) ?? throw new NotFoundException("Person", userId);
        var receivesDigest = command.ReceivesDigest!.Value;
        if (person.ReceivesDigest == receivesDigest)
            return new MyPreferencesDto(receivesDigest);

        await accounts.SetReceivesDigestAsync(userId, receivesDigest, cancellationToken);
        PersonAudit.Record(
            db, clock, userId, user.Email, UseCaseName.Of(command), userId,
            new Dictionary<string, bool> { ["receivesDigest"] = person.ReceivesDigest },
            new Dictionary<string, bool> { ["receivesDigest"] = receivesDigest });
        return new MyPreferencesDto(receivesDigest);
    }
}
