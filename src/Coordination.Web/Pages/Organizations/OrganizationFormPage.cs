using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Coordination.Application.Common.Security;
using Coordination.Domain.Organizations;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Organizations;

/// <summary>What the create and edit pages share: the input, and the kinds and countries to choose from.</summary>
[Authorize(Roles = Roles.Secretariat)]
public abstract class OrganizationFormPage(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    protected ISender Sender { get; } = sender;

    protected IStringLocalizer<SharedResource> Text { get; } = text;

    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public static IReadOnlyList<OrganizationKind> Kinds { get; } = Enum.GetValues<OrganizationKind>();

    public sealed class OrganizationInput
    {
        [Required(ErrorMessage = "Enter the organization's name.")]
        [StringLength(Organization.NameMaxLength, ErrorMessage = "The name can have at most {1} characters.")]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Enter the acronym.")]
        [StringLength(Organization.AcronymMaxLength, ErrorMessage = "The acronym can have at most {1} characters.")]
        [Display(Name = "Acronym")]
        public string? Acronym { get; set; }

        [Required(ErrorMessage = "Choose the kind of organization.")]
        [Display(Name = "Kind")]
        public OrganizationKind? Kind { get; set; }

        [Display(Name = "Country")]
        public string? CountryCode { get; set; }

        public string? Version { get; set; }
    }
}

/// <summary>Countries in the reader's language, for the country lists of the organization pages.</summary>
public static class CountryChoices
{
    public static IReadOnlyList<(string Code, string Name)> All()
    {
        var spanish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es";
        return [.. CountryCatalogue.All
            .Select(c => (c.Code, spanish ? c.NameEs : c.NameEn))
            .OrderBy(c => c.Item2, StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreCase))];
    }

    public static string Name(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return "—";
        return CountryCatalogue.Find(code) is { } country
            ? (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? country.NameEs : country.NameEn)
            : code;
    }
}
