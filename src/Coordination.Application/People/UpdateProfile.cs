using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace Coordination.Application.People;

/// <summary>The signed-in person's name as others see it, and the language of their pages and mails.</summary>
public sealed record UpdateProfileCommand(string DisplayName, string PreferredLanguage) : ICommand;

public sealed class UpdateProfileValidator : AbstractValidator<UpdateProfileCommand>
{
    public UpdateProfileValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(150);
        RuleFor(c => c.PreferredLanguage).Must(Languages.IsKnown)
            .WithMessage($"The language must be one of {string.Join(", ", Languages.All)}.");
    }
}

public sealed class UpdateProfileHandler(ICoordinationDbContext db, IAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateProfileCommand>
{
    public async ValueTask<Unit> Handle(UpdateProfileCommand command, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var account = await accounts.FindAsync(userId, cancellationToken) ?? throw new NotFoundException("Person", userId);
        var displayName = command.DisplayName.Trim();

        // The audit entry holds the changed properties only, as the interceptor's entries do.
        var before = new Dictionary<string, string>();
        var after = new Dictionary<string, string>();
        if (account.DisplayName != displayName)
            (before["displayName"], after["displayName"]) = (account.DisplayName, displayName);
        if (account.PreferredLanguage != command.PreferredLanguage)
            (before["preferredLanguage"], after["preferredLanguage"]) = (account.PreferredLanguage, command.PreferredLanguage);
        if (after.Count == 0)
            return Unit.Value;

        await accounts.UpdateProfileAsync(userId, displayName, command.PreferredLanguage, cancellationToken);
        PersonAudit.Record(db, clock, userId, user.Email, UseCaseName.Of(command), userId, before, after);
        return Unit.Value;
    }
}
