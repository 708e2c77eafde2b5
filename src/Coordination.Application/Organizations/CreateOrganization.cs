using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Organizations;
using FluentValidation;
using Mediator;

namespace Coordination.Application.Organizations;

public sealed record CreateOrganizationCommand(string Name, string Acronym, OrganizationKind Kind, string? CountryCode)
    : ICommand<OrganizationDto>, ISecretariatOnly, IOrganizationInput;

public sealed class CreateOrganizationValidator : AbstractValidator<CreateOrganizationCommand>
{
    public CreateOrganizationValidator() => this.AddOrganizationRules();
}

public sealed class CreateOrganizationHandler(ICoordinationDbContext db) : ICommandHandler<CreateOrganizationCommand, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(CreateOrganizationCommand command, CancellationToken cancellationToken)
    {
        var organization = Organization.Create(command.Name, command.Acronym, command.Kind, command.CountryCode);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        return OrganizationDto.From(organization);
    }
}
