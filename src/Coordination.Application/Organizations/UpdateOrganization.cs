using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Organizations;
using FluentValidation;
using Mediator;

namespace Coordination.Application.Organizations;

public sealed record UpdateOrganizationCommand(
    Guid Id, string Name, string Acronym, OrganizationKind Kind, string? CountryCode, string Version)
    : ICommand<OrganizationDto>, ISecretariatOnly, IOrganizationInput;

public sealed class UpdateOrganizationValidator : AbstractValidator<UpdateOrganizationCommand>
{
    public UpdateOrganizationValidator()
    {
        this.AddOrganizationRules();
        RuleFor(o => o.Version).NotEmpty();
    }
}

public sealed class UpdateOrganizationHandler(ICoordinationDbContext db) : ICommandHandler<UpdateOrganizationCommand, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(UpdateOrganizationCommand command, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Organization", command.Id);
        organization.EnsureCurrent(command.Version, "organization");
        organization.Change(command.Name, command.Acronym, command.Kind, command.CountryCode);
        await db.SaveChangesAsync(cancellationToken);
        return OrganizationDto.From(organization);
    }
}
