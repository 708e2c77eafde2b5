using Coordination.Domain.Organizations;
using FluentValidation;

namespace Coordination.Application.Organizations;

/// <summary>The input shape shared by creating and editing an organization.</summary>
public interface IOrganizationInput
{
    string Name { get; }

    string Acronym { get; }

    OrganizationKind Kind { get; }

    string? CountryCode { get; }
}

internal static class OrganizationRules
{
    public static void AddOrganizationRules<T>(this AbstractValidator<T> validator)
        where T : IOrganizationInput
    {
        validator.RuleFor(o => o.Name).NotEmpty().MaximumLength(Organization.NameMaxLength);
        validator.RuleFor(o => o.Acronym).NotEmpty().MaximumLength(Organization.AcronymMaxLength);
        validator.RuleFor(o => o.Kind).IsInEnum();
        validator.RuleFor(o => o.CountryCode)
            .Must(code => CountryCatalogue.IsKnown(code!.Trim().ToUpperInvariant()))
            .When(o => !string.IsNullOrWhiteSpace(o.CountryCode))
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-3 country code.");
        validator.RuleFor(o => o.CountryCode).NotEmpty()
            .When(o => o.Kind == OrganizationKind.MemberStateInstitution)
            .WithMessage("A member-state institution must belong to a country.");
    }
}
